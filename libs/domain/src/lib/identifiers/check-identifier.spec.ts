import { checkIdentifier, IdentifierType, IDENTIFIER_TYPES } from './index';

const VIETNAMESE_DIACRITICS = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

describe('IDENTIFIER_TYPES', () => {
  it('lists the supported types in order', () => {
    expect(IDENTIFIER_TYPES).toEqual(['CCCD', 'CMND', 'PASSPORT', 'TAX_CODE', 'AGENCY_CODE']);
  });
});

describe('PASSPORT validation', () => {
  it.each([
    ['C1234567', 'C1234567'],
    ['c1234567', 'C1234567'],
    [' n2345678 ', 'N2345678'],
    ['AB1234', 'AB1234'],
    ['ABCDEF', 'ABCDEF'],
    ['X12345678', 'X12345678'],
    ['p12ab34c', 'P12AB34C'],
  ])('accepts %p as %s', (value, normalized) => {
    expect(checkIdentifier('PASSPORT', value)).toEqual({ valid: true, normalized });
  });

  it.each([
    ['', ''],
    ['C1234', 'C1234'],
    ['C123456789', 'C123456789'],
    ['12345678', '12345678'],
    ['C 1234567', 'C 1234567'],
    ['C-1234567', 'C-1234567'],
    ['Đ1234567', 'Đ1234567'],
    ['É1234567', 'É1234567'],
  ])('rejects %p (normalized %p)', (value, normalized) => {
    expect(checkIdentifier('PASSPORT', value)).toEqual({
      valid: false,
      normalized,
      rule: 'passportFormat',
      message: 'Số hộ chiếu phải gồm từ 6 đến 9 ký tự là chữ cái (A–Z) hoặc chữ số, bắt đầu bằng một chữ cái.',
    });
  });
});

describe('AGENCY_CODE validation', () => {
  it.each([
    ['000.00.22.H01', '000.00.22.H01'],
    [' 000.00.22.H01 ', '000.00.22.H01'],
    ['G01.02.22.H01', 'G01.02.22.H01'],
    ['00.00.00.00', '00.00.00.00'],
    ['ABC.DEF.GHI.JKL', 'ABC.DEF.GHI.JKL'],
  ])('accepts %p as %s', (value, normalized) => {
    expect(checkIdentifier('AGENCY_CODE', value)).toEqual({ valid: true, normalized });
  });

  it.each([
    '',
    '000.00.22',
    '000.00.22.H01.01',
    '000.00.22.h01',
    '000.0.22.H01',
    '0000.00.22.H01',
    '000.00.22.H-1',
    '000 00 22 H01',
    '000.00..H01',
    '000.00.22.H01.',
    '000.00.22.Đ01',
  ])('rejects %p', (value) => {
    expect(checkIdentifier('AGENCY_CODE', value)).toMatchObject({ valid: false, rule: 'agencyCodeFormat' });
  });
});

describe('checkIdentifier', () => {
  const invalidSamples: Record<IdentifierType, string> = {
    CCCD: '003203001234',
    CMND: '12345',
    PASSPORT: '1234',
    TAX_CODE: '0100109107',
    AGENCY_CODE: 'H01',
  };

  it.each(IDENTIFIER_TYPES.map((t) => [t]))('reports a Vietnamese message and a rule for an invalid %s', (type) => {
    const result = checkIdentifier(type, invalidSamples[type]);
    expect(result.valid).toBe(false);
    expect(result.rule).toEqual(expect.any(String));
    expect(result.message).toMatch(VIETNAMESE_DIACRITICS);
  });

  it('omits rule and message when valid', () => {
    const result = checkIdentifier('TAX_CODE', '0100109106');
    expect(result).toEqual({ valid: true, normalized: '0100109106' });
    expect('rule' in result).toBe(false);
    expect('message' in result).toBe(false);
  });

  it('dispatches each type to its own rules', () => {
    // 9 digits: a CMND, not a CCCD nor a tax code.
    expect(checkIdentifier('CMND', '123456789').valid).toBe(true);
    expect(checkIdentifier('CCCD', '123456789').rule).toBe('cccdFormat');
    expect(checkIdentifier('TAX_CODE', '123456789').rule).toBe('taxCodeFormat');
    // A CCCD is not a tax code.
    expect(checkIdentifier('TAX_CODE', '089203001234').rule).toBe('taxCodeFormat');
  });

  it('survives untyped callers', () => {
    const untyped = checkIdentifier as (type: string, value: unknown) => ReturnType<typeof checkIdentifier>;
    expect(untyped('DRIVING_LICENCE', '123')).toMatchObject({ valid: false, rule: 'identifierType' });
    expect(untyped('CCCD', null)).toMatchObject({ valid: false, normalized: '', rule: 'cccdFormat' });
    expect(untyped('TAX_CODE', 100109106)).toMatchObject({ valid: false, rule: 'taxCodeFormat' });
  });
});
