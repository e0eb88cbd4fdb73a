import { checkCccd, checkCmnd } from './cccd';
import { asText, failed, IdentifierCheck, IdentifierType, passed } from './identifier-types';
import { checkTaxCode } from './tax-code';

/** Passport number: 6–9 letters A–Z or digits, starting with a letter (Vietnamese: 1 letter + 7 digits). */
export function checkPassport(value: string): IdentifierCheck {
  const normalized = asText(value).trim().toUpperCase();
  if (!/^[A-Z][A-Z0-9]{5,8}$/.test(normalized)) {
    return failed(
      normalized,
      'passportFormat',
      'Số hộ chiếu phải gồm từ 6 đến 9 ký tự là chữ cái (A–Z) hoặc chữ số, bắt đầu bằng một chữ cái.',
    );
  }
  return passed(normalized);
}

/** Electronic identifier of an agency (e.g. `000.00.22.H01`): four dot-separated groups of 2–3 upper-case letters/digits. */
export function checkAgencyCode(value: string): IdentifierCheck {
  const normalized = asText(value).trim();
  if (!/^[A-Z0-9]{2,3}(?:\.[A-Z0-9]{2,3}){3}$/.test(normalized)) {
    return failed(
      normalized,
      'agencyCodeFormat',
      'Mã định danh cơ quan phải gồm 4 nhóm, mỗi nhóm 2–3 chữ cái in hoa hoặc chữ số, cách nhau bằng dấu chấm (ví dụ 000.00.22.H01).',
    );
  }
  return passed(normalized);
}

/** Normalizes and validates an identifier of the given type. */
export function checkIdentifier(type: IdentifierType, value: string): IdentifierCheck {
  switch (type) {
    case 'CCCD':
      return checkCccd(value);
    case 'CMND':
      return checkCmnd(value);
    case 'PASSPORT':
      return checkPassport(value);
    case 'TAX_CODE':
      return checkTaxCode(value);
    case 'AGENCY_CODE':
      return checkAgencyCode(value);
    default: {
      // Only reachable from untyped callers; report it instead of throwing inside a validator.
      const unknownType: never = type;
      return failed(asText(value).trim(), 'identifierType', `Loại giấy tờ không được hỗ trợ: ${String(unknownType)}.`);
    }
  }
}
