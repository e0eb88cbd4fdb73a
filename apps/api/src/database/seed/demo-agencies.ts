import type { AgencyLevel } from '../../modules/catalog/entities/agency.entity';

export interface AgencySeed {
  code: string;
  name: string;
  shortName?: string;
  level: AgencyLevel;
  isReceptionPoint?: boolean;
  address?: string;
  phone?: string;
  children?: AgencySeed[];
}

/** The province root, created on every first start (also without demo data). */
export const PROVINCE_ROOT: AgencySeed = {
  code: '000.00.00.H01',
  name: 'Ủy ban nhân dân tỉnh An Giang',
  shortName: 'UBND tỉnh An Giang',
  level: 'PROVINCE',
  address: '16 Lê Triệu Kiết, phường Mỹ Bình, TP Long Xuyên, An Giang',
};

const department = (nn: string, name: string, shortName: string): AgencySeed => ({
  code: `000.00.${nn}.H01`,
  name,
  shortName,
  level: 'DEPARTMENT',
});

const commune = (districtNn: string, cc: string, name: string): AgencySeed => ({
  code: `000.${districtNn}.${cc}.H01`,
  name: `Ủy ban nhân dân ${name}`,
  shortName: `UBND ${name}`,
  level: 'COMMUNE',
  isReceptionPoint: true,
});

const district = (nn: string, name: string, communes: string[]): AgencySeed => ({
  code: `000.00.${nn}.H01`,
  name: `Ủy ban nhân dân ${name}`,
  shortName: `UBND ${name}`,
  level: 'DISTRICT',
  isReceptionPoint: true,
  children: communes.map((c, i) => commune(nn, String(i + 1).padStart(2, '0'), c)),
});

/** An Giang as described in the customer's brief: the center, departments, 11 district-level units. */
export const DEMO_AGENCY_TREE: AgencySeed = {
  ...PROVINCE_ROOT,
  children: [
    {
      code: '000.00.22.H01',
      name: 'Trung tâm Phục vụ hành chính công tỉnh An Giang',
      shortName: 'TTPVHCC tỉnh',
      level: 'DEPARTMENT',
      isReceptionPoint: true,
      address: 'Số 80B Hai Bà Trưng, phường Mỹ Long, TP Long Xuyên',
      phone: '02963957999',
    },
    department('10', 'Sở Tư pháp tỉnh An Giang', 'Sở Tư pháp'),
    department('11', 'Sở Kế hoạch và Đầu tư tỉnh An Giang', 'Sở KH&ĐT'),
    department('12', 'Sở Tài nguyên và Môi trường tỉnh An Giang', 'Sở TN&MT'),
    department('13', 'Sở Xây dựng tỉnh An Giang', 'Sở Xây dựng'),
    department('14', 'Sở Lao động – Thương binh và Xã hội tỉnh An Giang', 'Sở LĐ-TB&XH'),
    department('15', 'Sở Giao thông vận tải tỉnh An Giang', 'Sở GTVT'),
    department('16', 'Sở Y tế tỉnh An Giang', 'Sở Y tế'),
    department('17', 'Sở Công Thương tỉnh An Giang', 'Sở Công Thương'),
    department('18', 'Sở Nội vụ tỉnh An Giang', 'Sở Nội vụ'),
    department('19', 'Sở Giáo dục và Đào tạo tỉnh An Giang', 'Sở GD&ĐT'),
    department('20', 'Công an tỉnh An Giang', 'Công an tỉnh'),
    department('21', 'Bảo hiểm xã hội tỉnh An Giang', 'BHXH tỉnh'),
    department('23', 'Cục Thuế tỉnh An Giang', 'Cục Thuế'),
    district('31', 'thành phố Long Xuyên', ['phường Mỹ Bình', 'phường Mỹ Long', 'xã Mỹ Hòa Hưng']),
    district('32', 'thành phố Châu Đốc', ['phường Châu Phú A', 'phường Núi Sam', 'xã Vĩnh Tế']),
    district('33', 'thị xã Tân Châu', ['phường Long Thạnh', 'xã Phú Lộc']),
    district('34', 'thị xã Tịnh Biên', ['phường Nhà Bàng', 'xã Văn Giáo']),
    district('35', 'huyện An Phú', ['thị trấn An Phú', 'xã Khánh An']),
    district('36', 'huyện Châu Phú', ['thị trấn Cái Dầu', 'xã Bình Long']),
    district('37', 'huyện Châu Thành', ['thị trấn An Châu', 'xã Bình Hòa']),
    district('38', 'huyện Chợ Mới', ['thị trấn Chợ Mới', 'xã Kiến An']),
    district('39', 'huyện Phú Tân', ['thị trấn Phú Mỹ', 'xã Phú Thạnh']),
    district('40', 'huyện Thoại Sơn', ['thị trấn Núi Sập', 'xã Vọng Thê']),
    district('41', 'huyện Tri Tôn', ['thị trấn Tri Tôn', 'xã Núi Tô']),
  ],
};
