import { asText, dropWhitespace, failed, IdentifierCheck, passed } from './identifier-types';

/**
 * Province codes of the personal identification number (Circular 07/2016/TT-BCA, appendix):
 * the province where the birth was registered, for the 63 provinces that existed before the 2025 merger.
 * The number never changes, so these codes stay valid after the merger.
 */
export const CCCD_PROVINCE_CODES: Readonly<Record<string, string>> = Object.freeze({
  '001': 'Hà Nội',
  '002': 'Hà Giang',
  '004': 'Cao Bằng',
  '006': 'Bắc Kạn',
  '008': 'Tuyên Quang',
  '010': 'Lào Cai',
  '011': 'Điện Biên',
  '012': 'Lai Châu',
  '014': 'Sơn La',
  '015': 'Yên Bái',
  '017': 'Hòa Bình',
  '019': 'Thái Nguyên',
  '020': 'Lạng Sơn',
  '022': 'Quảng Ninh',
  '024': 'Bắc Giang',
  '025': 'Phú Thọ',
  '026': 'Vĩnh Phúc',
  '027': 'Bắc Ninh',
  '030': 'Hải Dương',
  '031': 'Hải Phòng',
  '033': 'Hưng Yên',
  '034': 'Thái Bình',
  '035': 'Hà Nam',
  '036': 'Nam Định',
  '037': 'Ninh Bình',
  '038': 'Thanh Hóa',
  '040': 'Nghệ An',
  '042': 'Hà Tĩnh',
  '044': 'Quảng Bình',
  '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế',
  '048': 'Đà Nẵng',
  '049': 'Quảng Nam',
  '051': 'Quảng Ngãi',
  '052': 'Bình Định',
  '054': 'Phú Yên',
  '056': 'Khánh Hòa',
  '058': 'Ninh Thuận',
  '060': 'Bình Thuận',
  '062': 'Kon Tum',
  '064': 'Gia Lai',
  '066': 'Đắk Lắk',
  '067': 'Đắk Nông',
  '068': 'Lâm Đồng',
  '070': 'Bình Phước',
  '072': 'Tây Ninh',
  '074': 'Bình Dương',
  '075': 'Đồng Nai',
  '077': 'Bà Rịa – Vũng Tàu',
  '079': 'Thành phố Hồ Chí Minh',
  '080': 'Long An',
  '082': 'Tiền Giang',
  '083': 'Bến Tre',
  '084': 'Trà Vinh',
  '086': 'Vĩnh Long',
  '087': 'Đồng Tháp',
  '089': 'An Giang',
  '091': 'Kiên Giang',
  '092': 'Cần Thơ',
  '093': 'Hậu Giang',
  '094': 'Sóc Trăng',
  '095': 'Bạc Liêu',
  '096': 'Cà Mau',
});

/** What the digits of a valid personal identification number say about its holder. */
export interface CccdInfo {
  provinceCode: string;
  provinceName: string;
  /** Century as numbered by Circular 07/2016/TT-BCA art. 7: 20 = 1900–1999, 21 = 2000–2099, … */
  century: number;
  sex: 'MALE' | 'FEMALE';
  birthYear: number;
}

/**
 * First year of the century encoded by the 4th digit G (even = male, odd = female),
 * per Circular 07/2016/TT-BCA art. 7: 0/1 → 1900s, 2/3 → 2000s, 4/5 → 2100s, 6/7 → 2200s, 8/9 → 2300s.
 */
const CENTURY_START_BY_DIGIT: readonly number[] = [1900, 1900, 2000, 2000, 2100, 2100, 2200, 2200, 2300, 2300];

const SEX_LABELS: Readonly<Record<'MALE' | 'FEMALE', string>> = { MALE: 'nam', FEMALE: 'nữ' };

function isProvinceCode(code: string): boolean {
  return Object.prototype.hasOwnProperty.call(CCCD_PROVINCE_CODES, code);
}

/** Validates a personal identification number (CCCD): 12 digits `PPP G YY RRRRRR`, PPP a known province code. */
export function checkCccd(value: string): IdentifierCheck {
  const normalized = dropWhitespace(asText(value).trim());
  if (!/^[0-9]{12}$/.test(normalized)) {
    return failed(normalized, 'cccdFormat', 'Số CCCD (số định danh cá nhân) phải gồm đúng 12 chữ số.');
  }
  const province = normalized.slice(0, 3);
  if (!isProvinceCode(province)) {
    return failed(
      normalized,
      'cccdProvince',
      `Số CCCD không hợp lệ: ba chữ số đầu (${province}) không phải là mã tỉnh, thành phố nơi đăng ký khai sinh.`,
    );
  }
  return passed(normalized);
}

/** Validates a legacy identity card number (CMND): exactly 9 digits. */
export function checkCmnd(value: string): IdentifierCheck {
  const normalized = dropWhitespace(asText(value).trim());
  if (!/^[0-9]{9}$/.test(normalized)) {
    return failed(normalized, 'cmndFormat', 'Số CMND phải gồm đúng 9 chữ số.');
  }
  return passed(normalized);
}

/** Reads province, century, sex and birth year from a CCCD number; undefined when the number is invalid. */
export function parseCccd(value: string): CccdInfo | undefined {
  const check = checkCccd(value);
  if (!check.valid) return undefined;
  const digits = check.normalized;
  const provinceCode = digits.slice(0, 3);
  const g = Number(digits[3]);
  const centuryStart = CENTURY_START_BY_DIGIT[g];
  return {
    provinceCode,
    provinceName: CCCD_PROVINCE_CODES[provinceCode],
    century: centuryStart / 100 + 1,
    sex: g % 2 === 0 ? 'MALE' : 'FEMALE',
    birthYear: centuryStart + Number(digits.slice(4, 6)),
  };
}

/** Year of an ISO date (`YYYY-MM-DD`; a bare `YYYY` or a full timestamp also work), undefined otherwise. */
function yearOf(date: string): number | undefined {
  const match = /^([0-9]{4})(?:-|$)/.exec(date.trim());
  return match ? Number(match[1]) : undefined;
}

/**
 * Vietnamese warnings when a CCCD number disagrees with the entered birth date or sex.
 * A mismatch never makes the number invalid (the registry may hold wrong data either way): show it, let
 * the officer decide. Returns no warnings for an invalid number (validation reports that) and ignores a
 * missing or unreadable birth date or sex.
 */
export function cccdWarnings(cccd: string, dateOfBirth?: string, sex?: 'MALE' | 'FEMALE'): string[] {
  const info = parseCccd(cccd);
  if (!info) return [];
  const warnings: string[] = [];
  const year = typeof dateOfBirth === 'string' ? yearOf(dateOfBirth) : undefined;
  if (year !== undefined && year !== info.birthYear) {
    warnings.push(`Số CCCD cho biết năm sinh ${info.birthYear}, khác với năm sinh đã nhập (${year}).`);
  }
  if ((sex === 'MALE' || sex === 'FEMALE') && sex !== info.sex) {
    warnings.push(`Số CCCD cho biết giới tính ${SEX_LABELS[info.sex]}, khác với giới tính đã nhập (${SEX_LABELS[sex]}).`);
  }
  return warnings;
}
