import { asText, dropWhitespace, failed, IdentifierCheck, passed } from './identifier-types';

/** Weights of N1…N9 in the tax code check digit (Circular 105/2020/TT-BTC). */
const TAX_CODE_WEIGHTS: readonly number[] = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/**
 * Check digit N10 of a tax code from its first 9 digits:
 * N10 = 10 − ((31·N1 + 29·N2 + 23·N3 + 19·N4 + 17·N5 + 13·N6 + 7·N7 + 5·N8 + 3·N9) mod 11).
 * Returns undefined when the input is not exactly 9 digits, and when the formula gives 10: a check
 * "digit" of 10 cannot be written, so no tax code is issued with such first 9 digits.
 */
export function taxCodeCheckDigit(first9: string): number | undefined {
  if (!/^[0-9]{9}$/.test(first9)) return undefined;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    sum += TAX_CODE_WEIGHTS[i] * (first9.charCodeAt(i) - 48);
  }
  const digit = 10 - (sum % 11);
  return digit === 10 ? undefined : digit;
}

const FORMAT_MESSAGE = 'Mã số thuế phải gồm 10 chữ số, hoặc 13 chữ số viết dạng NNNNNNNNNN-NNN đối với chi nhánh, đơn vị phụ thuộc.';

/**
 * Validates an enterprise / tax code: 10 digits with a valid check digit, or a branch code
 * `NNNNNNNNNN-NNN` whose 10-digit part is valid and whose suffix is not `000`.
 * Spaces are dropped and a 13-digit code without the dash is normalized to the dashed form.
 */
export function checkTaxCode(value: string): IdentifierCheck {
  const compact = dropWhitespace(asText(value).trim());
  const match = /^([0-9]{10})(?:-?([0-9]{3}))?$/.exec(compact);
  if (!match) return failed(compact, 'taxCodeFormat', FORMAT_MESSAGE);
  const [, main, suffix] = match;
  const normalized = suffix === undefined ? main : `${main}-${suffix}`;
  if (taxCodeCheckDigit(main.slice(0, 9)) !== Number(main[9])) {
    return failed(normalized, 'taxCodeCheckDigit', 'Mã số thuế không hợp lệ: chữ số kiểm tra (chữ số thứ 10) không đúng.');
  }
  if (suffix === '000') {
    return failed(
      normalized,
      'taxCodeBranch',
      'Mã số thuế của chi nhánh, đơn vị phụ thuộc không hợp lệ: ba chữ số sau dấu gạch ngang không được là 000.',
    );
  }
  return passed(normalized);
}
