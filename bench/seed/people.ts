import { taxCodeCheckDigit } from '@motcua/domain';
import { Random, WeightedPicker } from './random';

/**
 * Applicants: people and businesses of An Giang, each derived from its index alone, so the same
 * applicant (name, CCCD, birth date, phone) comes back whenever a dossier picks that index again —
 * a later "parties" generator module can rebuild the registry from the same indexes.
 */

// Family names with rough frequencies in the Mekong Delta (Huỳnh and Võ are southern spellings).
const FAMILY: Array<[string, number]> = [
  ['Nguyễn', 36],
  ['Trần', 11],
  ['Lê', 9],
  ['Phạm', 6],
  ['Huỳnh', 6],
  ['Võ', 4],
  ['Phan', 3.5],
  ['Trương', 2.5],
  ['Đặng', 2],
  ['Bùi', 2],
  ['Đỗ', 1.8],
  ['Hồ', 1.8],
  ['Ngô', 1.5],
  ['Dương', 1.3],
  ['Lý', 1.3],
  ['Lâm', 1.2],
  ['Châu', 1],
  ['Đinh', 0.8],
  ['Mai', 0.8],
  ['Tô', 0.7],
  ['Thái', 0.6],
  ['Quách', 0.5],
  ['Tăng', 0.4],
  ['La', 0.4],
  ['Cao', 0.6],
  ['Đoàn', 0.7],
  ['Hà', 0.5],
  ['Lưu', 0.5],
  ['Vương', 0.3],
  ['Từ', 0.3],
];
const MIDDLE_MALE = [
  'Văn',
  'Văn',
  'Văn',
  'Hữu',
  'Minh',
  'Quốc',
  'Thanh',
  'Công',
  'Đức',
  'Hoàng',
  'Tấn',
  'Phước',
  'Chí',
  'Trọng',
  'Ngọc',
  'Gia',
];
const MIDDLE_FEMALE = ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thanh', 'Kim', 'Mỹ', 'Bích', 'Thu', 'Hồng', 'Diễm', 'Phương', 'Tuyết', 'Như', 'Bảo'];
const GIVEN_MALE = [
  'An',
  'Bình',
  'Cường',
  'Danh',
  'Dũng',
  'Duy',
  'Hải',
  'Hiếu',
  'Hòa',
  'Hùng',
  'Huy',
  'Khang',
  'Khoa',
  'Kiệt',
  'Lộc',
  'Long',
  'Luân',
  'Minh',
  'Nam',
  'Nghĩa',
  'Nhân',
  'Phát',
  'Phúc',
  'Quang',
  'Sang',
  'Sơn',
  'Tài',
  'Tâm',
  'Thắng',
  'Thành',
  'Thiện',
  'Thịnh',
  'Toàn',
  'Trí',
  'Trung',
  'Tuấn',
  'Vinh',
  'Việt',
  'Vũ',
  'Bảo',
  'Đạt',
  'Hậu',
  'Lợi',
  'Mạnh',
  'Nhựt',
  'Tín',
  'Thuận',
  'Tú',
];
const GIVEN_FEMALE = [
  'Anh',
  'Cẩm',
  'Châu',
  'Diễm',
  'Dung',
  'Giang',
  'Hà',
  'Hạnh',
  'Hằng',
  'Hiền',
  'Hoa',
  'Hương',
  'Huyền',
  'Lan',
  'Liên',
  'Linh',
  'Loan',
  'Mai',
  'My',
  'Nga',
  'Ngân',
  'Ngọc',
  'Nhung',
  'Nhi',
  'Oanh',
  'Phương',
  'Quyên',
  'Thảo',
  'Thu',
  'Thủy',
  'Trang',
  'Trâm',
  'Trinh',
  'Tuyền',
  'Uyên',
  'Vân',
  'Vy',
  'Xuân',
  'Yến',
  'Ánh',
  'Bích',
  'Duyên',
  'Kiều',
  'Mơ',
  'Nguyệt',
  'Thắm',
  'Tiên',
];
// Khmer names as written in Vietnamese papers (Tri Tôn, Tịnh Biên): Chau / Néang and a Khmer given name.
const KHMER_MALE = ['Sóc Kha', 'Sa Rết', 'Thanh', 'Ty', 'Phol', 'Sóc Ny', 'Vi Sal', 'Khênh', 'Sà Rinh', 'Ri Da', 'Sô Phen', 'Nhơl'];
const KHMER_FEMALE = ['Sà Ry', 'Sóc Thia', 'Phách', 'Kim Ly', 'Sa Rươne', 'Sóc Phia', 'Thi Đa', 'Sây', 'Chanh Thi', 'Rơ Ni'];

// Where the birth was registered: mostly An Giang (089), then the neighbours and Hồ Chí Minh City.
// (OTHER_BIRTH_PROVINCES are none of these.)
const BIRTH_PROVINCES = new WeightedPicker(
  ['089', '092', '091', '087', '079', '093', '086', '094', '080', '001', '040', '038'],
  [86, 3, 2.5, 2.5, 1.5, 1, 1, 0.8, 0.5, 0.4, 0.4, 0.4],
);
/** Birth provinces that BIRTH_PROVINCES never draws: CCCDs built on them cannot meet an applicant's. */
export const OTHER_BIRTH_PROVINCES = ['083', '084', '095', '096', '082', '075', '077', '074', '072', '052', '048', '046'];
const MOBILE_PREFIXES = [
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '38',
  '39',
  '70',
  '76',
  '77',
  '78',
  '79',
  '81',
  '82',
  '83',
  '84',
  '85',
  '88',
  '86',
  '90',
  '91',
  '93',
  '94',
  '96',
  '97',
  '98',
  '89',
];
const STREETS = [
  'Trần Hưng Đạo',
  'Hai Bà Trưng',
  'Lê Lợi',
  'Nguyễn Huệ',
  'Hùng Vương',
  'Tôn Đức Thắng',
  'Lý Thái Tổ',
  'Nguyễn Trãi',
  'Phan Đình Phùng',
  'Lê Minh Ngươn',
  'Hà Hoàng Hổ',
  'Trần Quang Khải',
  'Ung Văn Khiêm',
  'Châu Thị Tế',
  'Võ Thị Sáu',
  'Bùi Văn Danh',
  'Nguyễn Thái Học',
  'Tô Hiến Thành',
  'Lê Triệu Kiết',
  'Thoại Ngọc Hầu',
];
const MAIL_DOMAINS = ['gmail.com', 'gmail.com', 'gmail.com', 'yahoo.com', 'outlook.com.vn', 'gmail.com'];

const FAMILY_PICK = new WeightedPicker(
  FAMILY.map(([n]) => n),
  FAMILY.map(([, w]) => w),
);

export interface Person {
  fullName: string;
  dateOfBirth: string;
  sex: 'MALE' | 'FEMALE';
  cccd: string;
  phone: string;
  email?: string;
  address: string;
}

export interface Business {
  type: 'ENTERPRISE' | 'ORGANIZATION';
  name: string;
  taxCode: string;
  phone: string;
  email?: string;
  address: string;
}

/** Where an applicant lives: the locality of a reception point, e.g. "xã Vĩnh Tế, thành phố Châu Đốc". */
export interface Locality {
  /** "xã Vĩnh Tế, thành phố Châu Đốc, tỉnh An Giang" */
  text: string;
  /** Commune-level locality (villages: "ấp"), else urban ("khóm", streets). */
  rural: boolean;
  khmerShare: number;
}

function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * A person from its index. The CCCD's last six digits are an invertible function of the index
 * (odd multiplier modulo 10^6), so two indexes below one million never share a number; past a
 * million, `birthProvince` (one outside BIRTH_PROVINCES) keeps the numbers apart.
 */
export function personAt(index: number, seed: number, locality: Locality, birthProvince?: string): Person {
  const r = new Random((Math.imul(index, 0x9e3779b1) ^ seed) >>> 0);
  const sex: Person['sex'] = r.chance(0.52) ? 'FEMALE' : 'MALE';
  let fullName: string;
  if (r.chance(locality.khmerShare)) {
    fullName = sex === 'MALE' ? `Chau ${r.pick(KHMER_MALE)}` : `Néang ${r.pick(KHMER_FEMALE)}`;
  } else {
    const middle = sex === 'MALE' ? r.pick(MIDDLE_MALE) : r.pick(MIDDLE_FEMALE);
    const given = sex === 'MALE' ? r.pick(GIVEN_MALE) : r.pick(GIVEN_FEMALE);
    // Some southern names carry two middle names (Nguyễn Thị Ngọc Hân) or none at all.
    const second = r.chance(0.12) ? ` ${r.pick(sex === 'MALE' ? MIDDLE_MALE : MIDDLE_FEMALE)}` : '';
    fullName = r.chance(0.03)
      ? `${FAMILY_PICK.pick(r)} ${given}`
      : `${FAMILY_PICK.pick(r)} ${middle}${second} ${given}`.replace(/(\S+) \1/, '$1');
  }
  // Adults who deal with the administration: born 1945–2007, most between 1965 and 2000.
  const year = Math.round(Math.min(2007, Math.max(1945, 1983 + r.gaussian() * 12)));
  const month = r.int(1, 12);
  const day = r.int(1, [31, year % 4 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]);
  const dateOfBirth = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  // CCCD = PPP G YY RRRRRR: G is the century (0/1 = 1900s, 2/3 = 2000s) with even = male, odd = female.
  const g = (year >= 2000 ? 2 : 0) + (sex === 'FEMALE' ? 1 : 0);
  const serial = ((index % 1_000_000) * 7919) % 1_000_000;
  const province = BIRTH_PROVINCES.pick(r);
  const cccd = `${birthProvince ?? province}${g}${String(year % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`;
  const phone = `0${r.pick(MOBILE_PREFIXES)}${r.digits(7)}`;
  const email = r.chance(0.35) ? `${asciiSlug(fullName)}${r.int(1, 999)}@${r.pick(MAIL_DOMAINS)}` : undefined;
  const address = locality.rural
    ? `Ấp ${r.pick(['Phú Hòa', 'Long Thạnh', 'Tân Hiệp', 'Bình Thới', 'Hòa Bình', 'Vĩnh Lợi', 'Mỹ An', 'Thạnh Lộc'])} ${r.int(1, 4)}, ${locality.text}`
    : `Số ${r.int(1, 450)}${r.chance(0.2) ? `/${r.int(1, 40)}` : ''} đường ${r.pick(STREETS)}, khóm ${r.int(1, 9)}, ${locality.text}`;
  return { fullName, dateOfBirth, sex, cccd, phone, email, address };
}

const BUSINESS_KINDS = [
  'Thương mại',
  'Dịch vụ',
  'Xây dựng',
  'Nông sản',
  'Thủy sản',
  'Vận tải',
  'Lương thực',
  'Du lịch',
  'Thương mại Dịch vụ',
  'Cơ khí',
];
const BUSINESS_NAMES = [
  'Phú Quý',
  'Minh Phát',
  'An Khang',
  'Hưng Thịnh',
  'Thuận Phát',
  'Tân Tiến',
  'Hoàng Long',
  'Phước Lộc',
  'Kim Ngân',
  'Việt Hưng',
  'Mekong',
  'Bảy Núi',
  'Sông Hậu',
  'Vàm Nao',
  'Lúa Vàng',
  'Đại Phát',
  'Thành Công',
  'Nam Việt',
  'Phú Tân',
  'Tây Nam',
];

/** A business or organisation from its index; tax codes start with An Giang's 16 and carry a valid check digit. */
export function businessAt(index: number, seed: number, locality: Locality, organisation: boolean): Business {
  const r = new Random((Math.imul(index + 7_777_777, 0x85ebca6b) ^ seed) >>> 0);
  let name: string;
  if (organisation) {
    name = `${r.pick(['Phòng khám đa khoa', 'Nhà thuốc', 'Phòng khám chuyên khoa', 'Trung tâm', 'Hợp tác xã'])} ${r.pick(BUSINESS_NAMES)}`;
  } else {
    const form = r.pick(['Công ty TNHH', 'Công ty TNHH', 'Công ty Cổ phần', 'Doanh nghiệp tư nhân', 'Công ty TNHH MTV']);
    name = `${form} ${r.pick(BUSINESS_KINDS)} ${r.pick(BUSINESS_NAMES)}${r.chance(0.3) ? ` ${r.pick(['An Giang', 'Long Xuyên', 'Châu Đốc'])}` : ''}`;
  }
  // 16 + seven digits derived from the index (distinct per index), then the check digit.
  let body = 1_000_000 + (((index % 9_000_000) * 7_654_321) % 9_000_000);
  let check: number | undefined;
  while ((check = taxCodeCheckDigit(`16${body}`)) === undefined) body = body >= 9_999_999 ? 1_000_000 : body + 1;
  const taxCode = `16${body}${check}`;
  return {
    type: organisation ? 'ORGANIZATION' : 'ENTERPRISE',
    name,
    taxCode,
    phone: r.chance(0.6) ? `0296${r.digits(7)}` : `0${r.pick(MOBILE_PREFIXES)}${r.digits(7)}`,
    email: r.chance(0.7) ? `${asciiSlug(r.pick(BUSINESS_NAMES))}${r.int(1, 99)}@${r.pick(MAIL_DOMAINS)}` : undefined,
    address: `Số ${r.int(1, 300)} đường ${r.pick(STREETS)}, ${locality.text}`,
  };
}
