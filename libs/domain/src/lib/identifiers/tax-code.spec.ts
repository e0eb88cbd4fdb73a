import { checkIdentifier } from './check-identifier';
import { checkTaxCode, taxCodeCheckDigit } from './tax-code';

// Check digits computed by hand with the formula and cross-checked by the tests below:
// 0100109106 Viettel: 31·0 + 29·1 + 23·0 + 19·0 + 17·1 + 13·0 + 7·9 + 5·1 + 3·0 = 114, 114 mod 11 = 4, 10 − 4 = 6.
// 0300588569 Vinamilk: 87 + 85 + 104 + 56 + 25 + 18 = 375, 375 mod 11 = 1, 10 − 1 = 9.
// 0101248141 FPT: 29 + 19 + 34 + 52 + 56 + 5 + 12 = 207, 207 mod 11 = 9, 10 − 9 = 1.
// 1000000001: 31 mod 11 = 9 → 1.  0000000200: 5·2 = 10 → check digit 0.
const VALID_CODES = ['0100109106', '0300588569', '0101248141', '1000000001', '0000000200'];

// First 9 digits whose weighted sum is a multiple of 11 (the formula gives 10): 010010916 → 114 + 3·6 = 132 = 12·11.
const NO_CHECK_DIGIT = ['000000000', '010010916'];

describe('taxCodeCheckDigit', () => {
  it.each(VALID_CODES)('computes the check digit of %s', (code) => {
    expect(taxCodeCheckDigit(code.slice(0, 9))).toBe(Number(code[9]));
  });

  it('computes Viettel 0100109106', () => {
    expect(taxCodeCheckDigit('010010910')).toBe(6);
  });

  it('gives 0 when the remainder is 10', () => {
    expect(taxCodeCheckDigit('000000020')).toBe(0);
  });

  it.each(NO_CHECK_DIGIT)('returns undefined when the formula gives 10 (%s)', (first9) => {
    expect(taxCodeCheckDigit(first9)).toBeUndefined();
  });

  it.each(['', '01001091', '0100109106', '01001091A', ' 010010910', '010 010 910', '٠١٠٠١٠٩١٠'])(
    'returns undefined for malformed input %p',
    (value) => {
      expect(taxCodeCheckDigit(value)).toBeUndefined();
    },
  );
});

describe('TAX_CODE validation, 10 digits', () => {
  it.each(VALID_CODES)('accepts %s', (code) => {
    expect(checkIdentifier('TAX_CODE', code)).toEqual({ valid: true, normalized: code });
  });

  it.each(VALID_CODES)('rejects every wrong check digit of %s', (code) => {
    for (let d = 0; d <= 9; d++) {
      if (d === Number(code[9])) continue;
      const result = checkIdentifier('TAX_CODE', code.slice(0, 9) + d);
      expect(result.valid).toBe(false);
      expect(result.rule).toBe('taxCodeCheckDigit');
      expect(result.message).toBe('Mã số thuế không hợp lệ: chữ số kiểm tra (chữ số thứ 10) không đúng.');
    }
  });

  it.each(NO_CHECK_DIGIT)('rejects every completion of %s (no such code is issued)', (first9) => {
    for (let d = 0; d <= 9; d++) {
      expect(checkTaxCode(first9 + d).rule).toBe('taxCodeCheckDigit');
    }
  });

  it.each([
    [' 0100109106 ', '0100109106'],
    ['0100 109 106', '0100109106'],
    ['\u00a00100109106\t', '0100109106'],
  ])('normalizes %p to %s', (value, normalized) => {
    expect(checkIdentifier('TAX_CODE', value)).toEqual({ valid: true, normalized });
  });

  it.each([
    '',
    '010010910',
    '01001091066',
    '010010910A',
    '0100.109.106',
    '0100109106-',
    '0100109106-01',
    '0100109106-0011',
    '0100109106--001',
    '-0100109106',
    '0100109106/001',
    '010010910600',
    '01001091060011',
  ])('rejects %p with taxCodeFormat', (value) => {
    const result = checkIdentifier('TAX_CODE', value);
    expect(result.valid).toBe(false);
    expect(result.rule).toBe('taxCodeFormat');
    expect(result.message).toContain('Mã số thuế phải gồm 10 chữ số');
  });
});

describe('TAX_CODE validation, branches', () => {
  it.each([
    ['0100109106-001', '0100109106-001'],
    ['0100109106001', '0100109106-001'],
    ['0100109106 - 001', '0100109106-001'],
    ['0100109106 001', '0100109106-001'],
    [' 0300588569-999 ', '0300588569-999'],
    ['0101248141010', '0101248141-010'],
  ])('accepts %p as %s', (value, normalized) => {
    expect(checkIdentifier('TAX_CODE', value)).toEqual({ valid: true, normalized });
  });

  it.each(['0100109106-000', '0100109106000', '0300588569 - 000'])('rejects the suffix 000 in %p', (value) => {
    const result = checkIdentifier('TAX_CODE', value);
    expect(result.valid).toBe(false);
    expect(result.rule).toBe('taxCodeBranch');
    expect(result.normalized).toMatch(/^[0-9]{10}-000$/);
    expect(result.message).toContain('000');
  });

  it.each(['0100109107-001', '0100109107001', '0000000000-001'])('rejects %p whose 10-digit part is invalid', (value) => {
    const result = checkIdentifier('TAX_CODE', value);
    expect(result.rule).toBe('taxCodeCheckDigit');
    expect(result.normalized).toMatch(/^[0-9]{10}-001$/);
  });

  it('reports the check digit before the suffix', () => {
    expect(checkIdentifier('TAX_CODE', '0100109107-000').rule).toBe('taxCodeCheckDigit');
  });
});
