/**
 * Demo catalog of administrative procedures (thủ tục hành chính) for An Giang.
 *
 * Modeled on the national procedure database (Cơ sở dữ liệu quốc gia về TTHC / Cổng Dịch vụ công quốc gia),
 * but NOT an official copy: names, documents, fees and legal bases are simplified for demonstration, fee amounts
 * set by the provincial People's Council (HĐND tỉnh) are illustrative, and codes marked `// code unverified` are
 * plausible placeholders in the national format. The step templates are the demo's own process design.
 *
 * Each template's step budgets (a parallel group counted once, as its largest member) fit within the
 * processing time expressed in working hours (1 working day = 8 working hours).
 */
import type { DocumentSeed, FeeSeed, ProcedureSeed, StepSeed } from './procedure-seed.types';

// Demo agency codes (see demo-agencies.ts).
const SO_TU_PHAP = '000.00.10.H01';
const SO_KH_DT = '000.00.11.H01';
const SO_TN_MT = '000.00.12.H01';
const SO_XAY_DUNG = '000.00.13.H01';
const SO_LD_TB_XH = '000.00.14.H01';
const SO_GTVT = '000.00.15.H01';
const SO_Y_TE = '000.00.16.H01';
const SO_GD_DT = '000.00.19.H01';
const CONG_AN_TINH = '000.00.20.H01';
const BHXH_TINH = '000.00.21.H01';
const CUC_THUE = '000.00.23.H01';

// ---------------------------------------------------------------------------------------------------------------
// Step builders
// ---------------------------------------------------------------------------------------------------------------

const receive = (budgetHours: number, name = 'Tiếp nhận, kiểm tra hồ sơ'): StepSeed => ({
  name,
  actor: 'RECEIVING',
  role: 'RECEPTION',
  budgetHours,
});

const review = (budgetHours: number, name = 'Thẩm định hồ sơ'): StepSeed => ({
  name,
  actor: 'COMPETENT',
  role: 'SPECIALIST',
  budgetHours,
});

const approve = (budgetHours: number, name = 'Phê duyệt, ký kết quả'): StepSeed => ({
  name,
  actor: 'COMPETENT',
  role: 'LEADER',
  budgetHours,
});

const deliver = (budgetHours: number, name = 'Trả kết quả'): StepSeed => ({
  name,
  actor: 'RECEIVING',
  role: 'RECEPTION',
  budgetHours,
});

/** A step performed by another agency (liên thông). */
const fixed = (agencyCode: string, name: string, budgetHours: number, parallelGroup?: string): StepSeed => ({
  name,
  actor: 'FIXED',
  agencyCode,
  role: 'SPECIALIST',
  budgetHours,
  ...(parallelGroup ? { parallelGroup } : {}),
});

/** The usual four-step template: tiếp nhận → thẩm định → phê duyệt → trả kết quả. */
const standard = (receiveH: number, reviewH: number, approveH: number, deliverH: number, approveName?: string): StepSeed[] => [
  receive(receiveH),
  review(reviewH),
  approve(approveH, approveName),
  deliver(deliverH),
];

// ---------------------------------------------------------------------------------------------------------------
// Frequently used documents
// ---------------------------------------------------------------------------------------------------------------

const giayToTuyThan: DocumentSeed = {
  name: 'Giấy tờ tùy thân có ảnh của người yêu cầu (Căn cước/CCCD, hộ chiếu)',
  originals: 1,
  copies: 0,
  mandatory: true,
  note: 'Xuất trình để đối chiếu; không phải xuất trình khi thông tin đã được khai thác từ Cơ sở dữ liệu quốc gia về dân cư.',
};

const vanBanUyQuyen: DocumentSeed = {
  name: 'Văn bản ủy quyền',
  originals: 1,
  copies: 0,
  mandatory: false,
  note: 'Trường hợp ủy quyền thực hiện thủ tục; văn bản ủy quyền phải được chứng thực theo quy định.',
};

const LEGAL_HO_TICH = 'Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP; Thông tư 04/2020/TT-BTP; Thông tư 85/2019/TT-BTC';
const LEGAL_DOANH_NGHIEP =
  'Luật Doanh nghiệp 2020; Nghị định 01/2021/NĐ-CP; Thông tư 01/2021/TT-BKHĐT; Thông tư 02/2023/TT-BKHĐT; Thông tư 47/2019/TT-BTC';
const LEGAL_DAT_DAI =
  'Luật Đất đai 2024; Nghị định 101/2024/NĐ-CP; Nghị định 102/2024/NĐ-CP; Nghị định 103/2024/NĐ-CP; Thông tư 10/2024/TT-BTNMT; Thông tư 85/2019/TT-BTC';
const LEGAL_XAY_DUNG =
  'Luật Xây dựng 2014; Luật số 62/2020/QH14 sửa đổi, bổ sung Luật Xây dựng; Nghị định 15/2021/NĐ-CP; Thông tư 85/2019/TT-BTC';

const FEES_DANG_KY_DOANH_NGHIEP: FeeSeed[] = [
  { name: 'Lệ phí đăng ký doanh nghiệp', amount: 50_000, note: 'Miễn lệ phí khi đăng ký qua mạng thông tin điện tử.' },
  { name: 'Phí công bố nội dung đăng ký doanh nghiệp', amount: 100_000 },
];

export const DEMO_PROCEDURES: ProcedureSeed[] = [
  // =============================================================================================================
  // CẤP XÃ (COMMUNE)
  // =============================================================================================================
  {
    code: '1.001193',
    name: 'Thủ tục đăng ký khai sinh',
    field: 'Hộ tịch',
    level: 'COMMUNE',
    processingAmount: 8,
    processingUnit: 'WORKING_HOURS',
    fees: [
      {
        name: 'Lệ phí đăng ký khai sinh',
        amount: 0,
        note: 'Miễn lệ phí đăng ký khai sinh đúng hạn (Điều 11 Luật Hộ tịch); đăng ký quá hạn thu theo Nghị quyết HĐND tỉnh.',
      },
    ],
    documents: [
      { name: 'Tờ khai đăng ký khai sinh theo mẫu', originals: 1, copies: 0, mandatory: true },
      {
        name: 'Giấy chứng sinh',
        originals: 1,
        copies: 0,
        mandatory: true,
        note: 'Nếu không có Giấy chứng sinh: văn bản của người làm chứng xác nhận việc sinh hoặc giấy cam đoan về việc sinh.',
      },
      giayToTuyThan,
      {
        name: 'Giấy chứng nhận kết hôn của cha, mẹ trẻ',
        originals: 1,
        copies: 0,
        mandatory: false,
        note: 'Xuất trình nếu cha, mẹ đã đăng ký kết hôn và thông tin không có trong Cơ sở dữ liệu hộ tịch điện tử.',
      },
      vanBanUyQuyen,
    ],
    onlineRegime: 'FULL',
    paperResultRequired: true,
    electronicResultAllowed: true,
    legalBasis: LEGAL_HO_TICH,
    steps: [receive(1), review(4, 'Thẩm định hồ sơ, ghi Sổ đăng ký khai sinh'), approve(2, 'Phê duyệt, ký Giấy khai sinh'), deliver(1)],
  },
  {
    code: '1.000894',
    name: 'Thủ tục đăng ký kết hôn',
    field: 'Hộ tịch',
    level: 'COMMUNE',
    processingAmount: 1,
    processingUnit: 'WORKING_DAYS',
    fees: [
      {
        name: 'Lệ phí đăng ký kết hôn',
        amount: 0,
        note: 'Miễn lệ phí đăng ký kết hôn của công dân Việt Nam cư trú ở trong nước (Điều 11 Luật Hộ tịch).',
      },
    ],
    documents: [
      {
        name: 'Tờ khai đăng ký kết hôn theo mẫu',
        originals: 1,
        copies: 0,
        mandatory: true,
        note: 'Hai bên nam, nữ có thể khai chung vào một Tờ khai.',
      },
      {
        name: 'Giấy xác nhận tình trạng hôn nhân',
        originals: 1,
        copies: 0,
        mandatory: false,
        note: 'Trường hợp đăng ký kết hôn tại UBND cấp xã không phải nơi thường trú của bên nam hoặc bên nữ.',
      },
      giayToTuyThan,
    ],
    onlineRegime: 'PARTIAL',
    paperResultRequired: true,
    electronicResultAllowed: false,
    legalBasis: `Luật Hôn nhân và gia đình 2014; ${LEGAL_HO_TICH}`,
    steps: [
      receive(1),
      review(4, 'Thẩm định hồ sơ, kiểm tra điều kiện kết hôn'),
      approve(2, 'Phê duyệt, ký Giấy chứng nhận kết hôn'),
      deliver(1, 'Tổ chức trao Giấy chứng nhận kết hôn'),
    ],
  },
  {
    code: '1.000656', // code unverified
    name: 'Thủ tục đăng ký khai tử',
    field: 'Hộ tịch',
    level: 'COMMUNE',
    processingAmount: 1,
    processingUnit: 'WORKING_DAYS',
    fees: [{ name: 'Lệ phí đăng ký khai tử', amount: 0, note: 'Miễn lệ phí đăng ký khai tử đúng hạn (Điều 11 Luật Hộ tịch).' }],
    documents: [
      { name: 'Tờ khai đăng ký khai tử theo mẫu', originals: 1, copies: 0, mandatory: true },
      {
        name: 'Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử',
        originals: 1,
        copies: 0,
        mandatory: true,
        note: 'Do cơ quan có thẩm quyền cấp (cơ sở y tế, Tòa án, Công an, UBND cấp xã...).',
      },
      giayToTuyThan,
      vanBanUyQuyen,
    ],
    onlineRegime: 'FULL',
    paperResultRequired: true,
    electronicResultAllowed: true,
    legalBasis: LEGAL_HO_TICH,
    steps: standard(1, 4, 2, 1, 'Phê duyệt, ký Trích lục khai tử'),
  },
  {
    code: '1.004873', // code unverified
    name: 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân',
    field: 'Hộ tịch',
    level: 'COMMUNE',
    processingAmount: 3,
    processingUnit: 'WORKING_DAYS',
    fees: [
      {
        name: 'Lệ phí cấp Giấy xác nhận tình trạng hôn nhân',
        amount: 15_000,
        note: 'Mức thu theo Nghị quyết HĐND tỉnh (số liệu minh họa); miễn cho người thuộc hộ nghèo, người khuyết tật, gia đình có công với cách mạng.',
      },
    ],
    documents: [
      { name: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân theo mẫu', originals: 1, copies: 0, mandatory: true },
      {
        name: 'Bản án, quyết định ly hôn đã có hiệu lực hoặc giấy tờ chứng minh việc vợ/chồng đã chết',
        originals: 0,
        copies: 1,
        mandatory: false,
        note: 'Trường hợp người yêu cầu đã có vợ/chồng nhưng đã ly hôn hoặc người kia đã chết.',
      },
      {
        name: 'Giấy xác nhận tình trạng hôn nhân đã được cấp trước đây',
        originals: 1,
        copies: 0,
        mandatory: false,
        note: 'Nộp lại trường hợp yêu cầu cấp lại để sử dụng vào mục đích khác hoặc do đã hết thời hạn sử dụng.',
      },
      giayToTuyThan,
    ],
    onlineRegime: 'FULL',
    paperResultRequired: false,
    electronicResultAllowed: true,
    legalBasis: LEGAL_HO_TICH,
    steps: standard(2, 12, 6, 2, 'Phê duyệt, ký Giấy xác nhận tình trạng hôn nhân'),
  },
  {
    code: '2.000635', // code unverified
    name: 'Thủ tục cấp bản sao Trích lục hộ tịch',
    field: 'Hộ tịch',
    level: 'COMMUNE',
    processingAmount: 8,
    processingUnit: 'WORKING_HOURS',
    fees: [
      {
        name: 'Phí cấp bản sao Trích lục hộ tịch',
        amount: 8_000,
        note: '8.000 đồng/bản sao Trích lục (Thông tư 281/2016/TT-BTC).',
      },
    ],
    documents: [
      { name: 'Tờ khai cấp bản sao Trích lục hộ tịch theo mẫu', originals: 1, copies: 0, mandatory: true },
      giayToTuyThan,
      vanBanUyQuyen,
    ],
    onlineRegime: 'FULL',
    paperResultRequired: false,
    electronicResultAllowed: true,
    legalBasis: `${LEGAL_HO_TICH}; Thông tư 281/2016/TT-BTC`,
    steps: standard(1, 3, 2, 1, 'Phê duyệt, ký bản sao Trích lục hộ tịch'),
  },
  {
    code: '1.001022', // code unverified
    name: 'Thủ tục đăng ký nhận cha, mẹ, con',
    field: 'Hộ tịch',
    level: 'COMMUNE',
    processingAmount: 3,
    processingUnit: 'WORKING_DAYS',
    fees: [
      {
        name: 'Lệ phí đăng ký nhận cha, mẹ, con',
        amount: 15_000,
        note: 'Mức thu theo Nghị quyết HĐND tỉnh (số liệu minh họa).',
      },
    ],
    documents: [
      { name: 'Tờ khai đăng ký nhận cha, mẹ, con theo mẫu', originals: 1, copies: 0, mandatory: true },
      {
        name: 'Văn bản, tài liệu chứng minh quan hệ cha, mẹ, con',
        originals: 1,
        copies: 0,
        mandatory: true,
        note: 'Văn bản giám định ADN của cơ quan giám định hoặc văn bản chứng minh khác theo Điều 14 Thông tư 04/2020/TT-BTP.',
      },
      giayToTuyThan,
    ],
    onlineRegime: 'PARTIAL',
    paperResultRequired: true,
    electronicResultAllowed: false,
    legalBasis: `Luật Hôn nhân và gia đình 2014; ${LEGAL_HO_TICH}`,
    steps: standard(2, 12, 6, 2, 'Phê duyệt, ký Trích lục đăng ký nhận cha, mẹ, con'),
  },
  {
    code: '1.004859', // code unverified
    name: 'Thủ tục đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch',
    field: 'Hộ tịch',
    level: 'COMMUNE',
    processingAmount: 3,
    processingUnit: 'WORKING_DAYS',
    fees: [
      {
        name: 'Lệ phí đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch',
        amount: 15_000,
        note: 'Mức thu theo Nghị quyết HĐND tỉnh (số liệu minh họa).',
      },
    ],
    documents: [
      { name: 'Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch theo mẫu', originals: 1, copies: 0, mandatory: true },
      {
        name: 'Giấy tờ liên quan làm căn cứ cho việc thay đổi, cải chính, bổ sung thông tin hộ tịch',
        originals: 0,
        copies: 1,
        mandatory: true,
      },
      {
        name: 'Giấy tờ hộ tịch cần thay đổi, cải chính, bổ sung (bản chính)',
        originals: 1,
        copies: 0,
        mandatory: false,
        note: 'Xuất trình nếu thông tin chưa có trong Cơ sở dữ liệu hộ tịch điện tử.',
      },
      giayToTuyThan,
    ],
    onlineRegime: 'FULL',
    paperResultRequired: true,
    electronicResultAllowed: true,
    legalBasis: LEGAL_HO_TICH,
    steps: standard(2, 12, 6, 2, 'Phê duyệt, ký Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch'),
  },
  {
    code: '2.000815',
    name: 'Thủ tục chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận',
    field: 'Chứng thực',
    level: 'COMMUNE',
    processingAmount: 8,
    processingUnit: 'WORKING_HOURS',
    fees: [
      {
        name: 'Phí chứng thực bản sao từ bản chính',
        amount: 2_000,
        note: '2.000 đồng/trang; từ trang thứ ba trở lên 1.000 đồng/trang, tối đa 200.000 đồng/bản (Thông tư 226/2016/TT-BTC).',
      },
    ],
    documents: [
      {
        name: 'Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao',
        originals: 1,
        copies: 0,
        mandatory: true,
        note: 'Xuất trình để đối chiếu, trả lại ngay sau khi chứng thực.',
      },
      { name: 'Bản sao cần chứng thực', originals: 0, copies: 1, mandatory: true },
    ],
    onlineRegime: 'PARTIAL',
    paperResultRequired: true,
    electronicResultAllowed: true,
    legalBasis: 'Nghị định 23/2015/NĐ-CP; Thông tư 01/2020/TT-BTP; Thông tư 226/2016/TT-BTC',
    steps: [receive(1), review(3, 'Đối chiếu bản sao với bản chính'), approve(2, 'Ký chứng thực, đóng dấu'), deliver(1)],
  },
  {
    code: '2.000884', // code unverified
    name: 'Thủ tục chứng thực chữ ký trong các giấy tờ, văn bản',
    field: 'Chứng thực',
    level: 'COMMUNE',
    processingAmount: 8,
    processingUnit: 'WORKING_HOURS',
    fees: [{ name: 'Phí chứng thực chữ ký', amount: 10_000, note: '10.000 đồng/trường hợp (Thông tư 226/2016/TT-BTC).' }],
    documents: [{ name: 'Giấy tờ, văn bản cần chứng thực chữ ký', originals: 1, copies: 0, mandatory: true }, giayToTuyThan],
    onlineRegime: 'NONE',
    paperResultRequired: true,
    electronicResultAllowed: false,
    legalBasis: 'Nghị định 23/2015/NĐ-CP; Thông tư 01/2020/TT-BTP; Thông tư 226/2016/TT-BTC',
    steps: [
      receive(1),
      review(3, 'Kiểm tra giấy tờ, người yêu cầu ký trước mặt người thực hiện chứng thực'),
      approve(2, 'Ký chứng thực, đóng dấu'),
      deliver(1),
    ],
  },
  {
    code: '1.004194', // code unverified
    name: 'Đăng ký thường trú',
    field: 'Đăng ký, quản lý cư trú',
    level: 'COMMUNE',
    // Công an cấp xã is not in the demo agency tree; Công an tỉnh stands in as the competent police agency.
    competentAgencyCode: CONG_AN_TINH,
    processingAmount: 7,
    processingUnit: 'WORKING_DAYS',
    fees: [
      {
        name: 'Lệ phí đăng ký thường trú',
        amount: 20_000,
        note: '10.000 đồng khi nộp hồ sơ trực tuyến; miễn cho trẻ em, người cao tuổi, người khuyết tật, người có công... (Thông tư 75/2022/TT-BTC).',
      },
    ],
    documents: [
      { name: 'Tờ khai thay đổi thông tin cư trú (Mẫu CT01)', originals: 1, copies: 0, mandatory: true },
      {
        name: 'Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp',
        originals: 0,
        copies: 1,
        mandatory: true,
        note: 'Không phải nộp nếu thông tin đã có trong cơ sở dữ liệu chuyên ngành đã kết nối.',
      },
      {
        name: 'Văn bản đồng ý cho đăng ký thường trú của chủ hộ, chủ sở hữu chỗ ở hợp pháp',
        originals: 1,
        copies: 0,
        mandatory: false,
        note: 'Trường hợp đăng ký thường trú vào chỗ ở của người khác; có thể thể hiện ngay trên Tờ khai CT01.',
      },
      {
        name: 'Giấy tờ, tài liệu chứng minh quan hệ nhân thân với chủ hộ',
        originals: 0,
        copies: 1,
        mandatory: false,
        note: 'Trường hợp đăng ký thường trú theo quan hệ nhân thân (Điều 20 khoản 2 Luật Cư trú).',
      },
    ],
    onlineRegime: 'FULL',
    paperResultRequired: false,
    electronicResultAllowed: true,
    legalBasis: 'Luật Cư trú 2020; Nghị định 154/2024/NĐ-CP; Thông tư 55/2021/TT-BCA; Thông tư 56/2021/TT-BCA; Thông tư 75/2022/TT-BTC',
    steps: [
      receive(2),
      review(24, 'Thẩm định hồ sơ, cập nhật Cơ sở dữ liệu về cư trú'),
      approve(16, 'Phê duyệt đăng ký thường trú'),
      deliver(2, 'Thông báo kết quả đăng ký thường trú'),
    ],
  },
  {
    code: '1.012796', // code unverified
    name: 'Liên thông đăng ký khai sinh – đăng ký thường trú – cấp thẻ BHYT cho trẻ em dưới 6 tuổi',
    field: 'Hộ tịch',
    level: 'COMMUNE',
    processingAmount: 3,
    processingUnit: 'WORKING_DAYS',
    fees: [
      { name: 'Lệ phí đăng ký khai sinh', amount: 0, note: 'Miễn lệ phí đăng ký khai sinh đúng hạn.' },
      { name: 'Lệ phí đăng ký thường trú', amount: 0, note: 'Miễn lệ phí đăng ký cư trú đối với trẻ em (Thông tư 75/2022/TT-BTC).' },
      { name: 'Mức đóng bảo hiểm y tế', amount: 0, note: 'Trẻ em dưới 6 tuổi do ngân sách nhà nước đóng BHYT.' },
    ],
    documents: [
      {
        name: 'Tờ khai điện tử liên thông (đăng ký khai sinh, đăng ký thường trú, cấp thẻ BHYT) theo mẫu',
        originals: 1,
        copies: 0,
        mandatory: true,
      },
      {
        name: 'Giấy chứng sinh',
        originals: 1,
        copies: 0,
        mandatory: true,
        note: 'Nếu không có Giấy chứng sinh: văn bản của người làm chứng xác nhận việc sinh hoặc giấy cam đoan về việc sinh.',
      },
      {
        name: 'Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp',
        originals: 0,
        copies: 1,
        mandatory: false,
        note: 'Trường hợp đăng ký thường trú cho trẻ tại chỗ ở chưa có thông tin trong Cơ sở dữ liệu về cư trú.',
      },
      {
        name: 'Văn bản đồng ý cho đăng ký thường trú của chủ hộ, chủ sở hữu chỗ ở hợp pháp',
        originals: 1,
        copies: 0,
        mandatory: false,
        note: 'Trường hợp đăng ký thường trú cho trẻ vào chỗ ở không thuộc quyền sở hữu của cha, mẹ.',
      },
      vanBanUyQuyen,
    ],
    onlineRegime: 'FULL',
    paperResultRequired: false,
    electronicResultAllowed: true,
    legalBasis:
      'Luật Hộ tịch 2014; Luật Cư trú 2020; Luật Bảo hiểm y tế 2008 (sửa đổi, bổ sung 2014); Nghị định 63/2024/NĐ-CP; Nghị định 123/2015/NĐ-CP; Nghị định 154/2024/NĐ-CP',
    steps: [
      receive(1, 'Tiếp nhận, kiểm tra hồ sơ liên thông'),
      review(4, 'Thẩm định hồ sơ, đăng ký khai sinh'),
      approve(3, 'Phê duyệt, ký Giấy khai sinh; chuyển thông tin liên thông'),
      fixed(CONG_AN_TINH, 'Đăng ký thường trú cho trẻ em', 12, 'lien-thong'),
      fixed(BHXH_TINH, 'Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi', 8, 'lien-thong'),
      deliver(2, 'Trả kết quả (Giấy khai sinh, thông báo đăng ký thường trú, thẻ BHYT điện tử)'),
    ],
  },
  {
    code: '1.012797', // code unverified
    name: 'Liên thông đăng ký khai tử – xóa đăng ký thường trú – giải quyết mai táng phí, tử tuất',
    field: 'Hộ tịch',
    level: 'COMMUNE',
    // processing time is an illustrative choice for the four-procedure bundle
    processingAmount: 10,
    processingUnit: 'WORKING_DAYS',
    fees: [
      { name: 'Lệ phí đăng ký khai tử', amount: 0, note: 'Miễn lệ phí đăng ký khai tử đúng hạn.' },
      { name: 'Lệ phí xóa đăng ký thường trú', amount: 0, note: 'Không thu lệ phí.' },
    ],
    documents: [
      {
        name: 'Tờ khai điện tử liên thông (đăng ký khai tử, xóa đăng ký thường trú, mai táng phí, tử tuất) theo mẫu',
        originals: 1,
        copies: 0,
        mandatory: true,
      },
      {
        name: 'Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử',
        originals: 1,
        copies: 0,
        mandatory: true,
      },
      {
        name: 'Giấy tờ chứng minh người chết thuộc đối tượng được hưởng mai táng phí, chế độ tử tuất',
        originals: 0,
        copies: 1,
        mandatory: false,
        note: 'Trường hợp đề nghị giải quyết mai táng phí, tử tuất mà thông tin chưa có trong cơ sở dữ liệu chuyên ngành.',
      },
      vanBanUyQuyen,
    ],
    onlineRegime: 'FULL',
    paperResultRequired: false,
    electronicResultAllowed: true,
    legalBasis:
      'Luật Hộ tịch 2014; Luật Cư trú 2020; Luật Bảo hiểm xã hội 2014; Nghị định 63/2024/NĐ-CP; Nghị định 123/2015/NĐ-CP; Nghị định 20/2021/NĐ-CP; Nghị định 131/2021/NĐ-CP',
    steps: [
      receive(1, 'Tiếp nhận, kiểm tra hồ sơ liên thông'),
      review(4, 'Thẩm định hồ sơ, đăng ký khai tử'),
      approve(3, 'Phê duyệt, ký Trích lục khai tử; chuyển thông tin liên thông'),
      fixed(CONG_AN_TINH, 'Xóa đăng ký thường trú', 16, 'lien-thong'),
      fixed(SO_LD_TB_XH, 'Giải quyết mai táng phí', 40, 'lien-thong'),
      fixed(BHXH_TINH, 'Giải quyết chế độ tử tuất', 40, 'lien-thong'),
      deliver(2, 'Trả kết quả liên thông'),
    ],
  },

  // =============================================================================================================
  // CẤP HUYỆN (DISTRICT)
  // =============================================================================================================
  {
    code: '2.000720', // code unverified
    name: 'Đăng ký thành lập hộ kinh doanh',
    field: 'Thành lập và hoạt động của hộ kinh doanh',
    level: 'DISTRICT',
    processingAmount: 3,
    processingUnit: 'WORKING_DAYS',
    fees: [
      {
        name: 'Lệ phí đăng ký hộ kinh doanh',
        amount: 100_000,
        note: 'Mức thu theo Nghị quyết HĐND tỉnh (số liệu minh họa); miễn khi đăng ký qua mạng.',
      },
    ],
    documents: [
      { name: 'Giấy đề nghị đăng ký hộ kinh doanh theo mẫu', originals: 1, copies: 0, mandatory: true },
      {
        name: 'Bản sao giấy tờ pháp lý của cá nhân đối với các thành viên hộ gia đình đăng ký hộ kinh doanh',
        originals: 0,
        copies: 1,
        mandatory: false,
        note: 'Không phải nộp khi thông tin đã được khai thác từ Cơ sở dữ liệu quốc gia về dân cư.',
      },
      {
        name: 'Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh',
        originals: 1,
        copies: 0,
        mandatory: false,
        note: 'Trường hợp các thành viên hộ gia đình đăng ký hộ kinh doanh.',
      },
      {
        name: 'Văn bản ủy quyền của thành viên hộ gia đình cho một thành viên làm chủ hộ kinh doanh',
        originals: 1,
        copies: 0,
        mandatory: false,
      },
    ],
    onlineRegime: 'FULL',
    paperResultRequired: true,
    electronicResultAllowed: true,
    legalBasis: 'Nghị định 01/2021/NĐ-CP; Thông tư 01/2021/TT-BKHĐT; Thông tư 02/2023/TT-BKHĐT; Thông tư 85/2019/TT-BTC',
    steps: standard(2, 12, 6, 2, 'Phê duyệt, ký Giấy chứng nhận đăng ký hộ kinh doanh'),
  },
  {
    code: '1.009994',
    name: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ',
    field: 'Hoạt động xây dựng',
    level: 'DISTRICT',
    processingAmount: 15,
    processingUnit: 'WORKING_DAYS',
    fees: [
      {
        name: 'Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ',
        amount: 75_000,
        note: 'Mức thu theo Nghị quyết HĐND tỉnh (số liệu minh họa).',
      },
    ],
    documents: [
      {
        name: 'Đơn đề nghị cấp giấy phép xây dựng (Mẫu số 01 Phụ lục II Nghị định 15/2021/NĐ-CP)',
        originals: 1,
        copies: 0,
        mandatory: true,
      },
      {
        name: 'Giấy tờ chứng minh quyền sử dụng đất theo quy định của pháp luật về đất đai',
        originals: 0,
        copies: 1,
        mandatory: true,
      },
      {
        name: 'Bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng, móng, sơ đồ đấu nối hạ tầng kỹ thuật)',
        originals: 2,
        copies: 0,
        mandatory: true,
      },
      {
        name: 'Bản kê khai năng lực, kinh nghiệm của tổ chức, cá nhân thiết kế',
        originals: 1,
        copies: 0,
        mandatory: false,
        note: 'Trường hợp thiết kế do tổ chức, cá nhân có đủ điều kiện năng lực thực hiện.',
      },
      {
        name: 'Văn bản cam kết bảo đảm an toàn đối với công trình liền kề',
        originals: 1,
        copies: 0,
        mandatory: false,
        note: 'Trường hợp công trình có tầng hầm hoặc xây chen.',
      },
    ],
    onlineRegime: 'PARTIAL',
    paperResultRequired: true,
    electronicResultAllowed: false,
    legalBasis: LEGAL_XAY_DUNG,
    steps: [receive(4), review(72, 'Thẩm định hồ sơ, kiểm tra thực địa'), approve(24, 'Phê duyệt, ký giấy phép xây dựng'), deliver(4)],
  },
  {
    code: '1.009974', // code unverified
    name: 'Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV (công trình không theo tuyến)',
    field: 'Hoạt động xây dựng',
    level: 'DISTRICT',
    processingAmount: 20,
    processingUnit: 'WORKING_DAYS',
    fees: [
      {
        name: 'Lệ phí cấp giấy phép xây dựng công trình',
        amount: 150_000,
        note: 'Mức thu theo Nghị quyết HĐND tỉnh (số liệu minh họa).',
      },
    ],
    documents: [
      {
        name: 'Đơn đề nghị cấp giấy phép xây dựng (Mẫu số 01 Phụ lục II Nghị định 15/2021/NĐ-CP)',
        originals: 1,
        copies: 0,
        mandatory: true,
      },
      {
        name: 'Giấy tờ chứng minh quyền sử dụng đất theo quy định của pháp luật về đất đai',
        originals: 0,
        copies: 1,
        mandatory: true,
      },
      {
        name: 'Quyết định phê duyệt dự án hoặc Báo cáo kinh tế - kỹ thuật đầu tư xây dựng',
        originals: 0,
        copies: 1,
        mandatory: true,
      },
      {
        name: 'Văn bản thông báo kết quả thẩm định thiết kế xây dựng của cơ quan chuyên môn về xây dựng',
        originals: 0,
        copies: 1,
        mandatory: false,
        note: 'Trường hợp công trình thuộc diện phải thẩm định tại cơ quan chuyên môn về xây dựng.',
      },
      { name: 'Bản vẽ thiết kế xây dựng được phê duyệt', originals: 2, copies: 0, mandatory: true },
      {
        name: 'Văn bản thẩm duyệt thiết kế về phòng cháy và chữa cháy',
        originals: 0,
        copies: 1,
        mandatory: false,
        note: 'Trường hợp công trình thuộc diện phải thẩm duyệt thiết kế về phòng cháy và chữa cháy.',
      },
    ],
    onlineRegime: 'PARTIAL',
    paperResultRequired: true,
    electronicResultAllowed: false,
    legalBasis: LEGAL_XAY_DUNG,
    steps: [
      receive(4),
      review(40, 'Thẩm định hồ sơ, kiểm tra thực địa'),
      fixed(SO_XAY_DUNG, 'Có ý kiến về sự phù hợp quy hoạch, kiến trúc và an toàn công trình', 80),
      approve(24, 'Phê duyệt, ký giấy phép xây dựng'),
      deliver(4),
    ],
  },
  {
    code: '2.000620', // code unverified
    name: 'Cấp Giấy phép bán lẻ rượu',
    field: 'Lưu thông hàng hóa trong nước',
    level: 'DISTRICT',
    processingAmount: 10,
    processingUnit: 'WORKING_DAYS',
    fees: [
      {
        name: 'Phí thẩm định cấp Giấy phép bán lẻ rượu tại thành phố, thị xã',
        amount: 1_200_000,
        note: 'Mỗi điểm kinh doanh/lần thẩm định (Thông tư 168/2016/TT-BTC; số liệu tham khảo).',
      },
      {
        name: 'Phí thẩm định cấp Giấy phép bán lẻ rượu tại khu vực khác',
        amount: 600_000,
        note: 'Mỗi điểm kinh doanh/lần thẩm định (Thông tư 168/2016/TT-BTC; số liệu tham khảo).',
      },
    ],
    documents: [
      { name: 'Đơn đề nghị cấp Giấy phép bán lẻ rượu theo mẫu', originals: 1, copies: 0, mandatory: true },
      { name: 'Giấy chứng nhận đăng ký doanh nghiệp hoặc Giấy chứng nhận đăng ký hộ kinh doanh', originals: 0, copies: 1, mandatory: true },
      {
        name: 'Giấy tờ chứng minh quyền sử dụng địa điểm kinh doanh (sở hữu, thuê, mượn)',
        originals: 0,
        copies: 1,
        mandatory: true,
      },
      {
        name: 'Văn bản giới thiệu hoặc hợp đồng nguyên tắc của thương nhân sản xuất, phân phối hoặc bán buôn rượu',
        originals: 0,
        copies: 1,
        mandatory: true,
      },
    ],
    onlineRegime: 'FULL',
    paperResultRequired: true,
    electronicResultAllowed: true,
    legalBasis: 'Luật Phòng, chống tác hại của rượu, bia 2019; Nghị định 105/2017/NĐ-CP; Nghị định 17/2020/NĐ-CP; Thông tư 168/2016/TT-BTC',
    steps: [
      receive(4),
      review(48, 'Thẩm định hồ sơ, kiểm tra điều kiện kinh doanh'),
      approve(16, 'Phê duyệt, ký Giấy phép bán lẻ rượu'),
      deliver(4),
    ],
  },
  {
    code: '1.001776', // code unverified
    name: 'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hàng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hàng tháng',
    field: 'Bảo trợ xã hội',
    level: 'DISTRICT',
    processingAmount: 20,
    processingUnit: 'WORKING_DAYS',
    fees: [{ name: 'Phí, lệ phí', amount: 0, note: 'Không thu phí, lệ phí.' }],
    documents: [
      {
        name: 'Tờ khai đề nghị trợ giúp xã hội theo mẫu ban hành kèm theo Nghị định 20/2021/NĐ-CP',
        originals: 1,
        copies: 0,
        mandatory: true,
      },
      {
        name: 'Giấy xác nhận khuyết tật',
        originals: 0,
        copies: 1,
        mandatory: false,
        note: 'Đối với người khuyết tật, trẻ em khuyết tật.',
      },
      {
        name: 'Giấy tờ chứng minh thuộc diện hộ nghèo, hộ cận nghèo hoặc đối tượng khác được hưởng trợ cấp',
        originals: 0,
        copies: 1,
        mandatory: false,
        note: 'Không phải nộp khi thông tin đã có trong cơ sở dữ liệu chuyên ngành.',
      },
    ],
    onlineRegime: 'PARTIAL',
    paperResultRequired: true,
    electronicResultAllowed: true,
    legalBasis: 'Luật Người cao tuổi 2009; Luật Người khuyết tật 2010; Nghị định 20/2021/NĐ-CP; Thông tư 02/2021/TT-BLĐTBXH',
    steps: [
      receive(4),
      review(96, 'Xét duyệt, niêm yết công khai, thẩm định hồ sơ'),
      approve(24, 'Chủ tịch UBND cấp huyện quyết định trợ cấp xã hội'),
      deliver(4),
    ],
  },
  {
    code: '1.000893', // code unverified
    name: 'Thủ tục đăng ký kết hôn có yếu tố nước ngoài',
    field: 'Hộ tịch',
    level: 'DISTRICT',
    processingAmount: 15,
    processingUnit: 'WORKING_DAYS',
    fees: [
      {
        name: 'Lệ phí đăng ký kết hôn có yếu tố nước ngoài',
        amount: 1_000_000,
        note: 'Mức thu theo Nghị quyết HĐND tỉnh (số liệu minh họa).',
      },
    ],
    documents: [
      { name: 'Tờ khai đăng ký kết hôn theo mẫu', originals: 1, copies: 0, mandatory: true },
      {
        name: 'Giấy tờ chứng minh tình trạng hôn nhân của người nước ngoài do cơ quan có thẩm quyền nước ngoài cấp',
        originals: 1,
        copies: 0,
        mandatory: true,
        note: 'Phải được hợp pháp hóa lãnh sự và dịch sang tiếng Việt (trừ trường hợp được miễn).',
      },
      {
        name: 'Giấy xác nhận của tổ chức y tế có thẩm quyền xác nhận người đó không mắc bệnh tâm thần hoặc bệnh khác mà không có khả năng nhận thức, làm chủ được hành vi',
        originals: 1,
        copies: 0,
        mandatory: true,
      },
      { name: 'Hộ chiếu hoặc giấy tờ có giá trị thay hộ chiếu của người nước ngoài', originals: 0, copies: 1, mandatory: true },
    ],
    onlineRegime: 'PARTIAL',
    paperResultRequired: true,
    electronicResultAllowed: false,
    legalBasis: `Luật Hôn nhân và gia đình 2014; ${LEGAL_HO_TICH}`,
    steps: [
      receive(4),
      review(72, 'Thẩm định, xác minh hồ sơ'),
      approve(24, 'Chủ tịch UBND cấp huyện ký Giấy chứng nhận kết hôn'),
      deliver(8, 'Tổ chức trao Giấy chứng nhận kết hôn'),
    ],
  },
  {
    code: '1.012755', // code unverified
    name: 'Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu đối với cá nhân',
    field: 'Đất đai',
    level: 'DISTRICT',
    processingAmount: 20,
    processingUnit: 'WORKING_DAYS',
    fees: [
      {
        name: 'Lệ phí cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất',
        amount: 100_000,
        note: 'Mức thu theo Nghị quyết HĐND tỉnh (số liệu minh họa); chưa gồm tiền sử dụng đất, lệ phí trước bạ theo thông báo của cơ quan thuế.',
      },
      {
        name: 'Phí thẩm định hồ sơ cấp Giấy chứng nhận',
        amount: 200_000,
        note: 'Mức thu theo Nghị quyết HĐND tỉnh (số liệu minh họa).',
      },
    ],
    documents: [
      { name: 'Đơn đăng ký đất đai, tài sản gắn liền với đất theo mẫu', originals: 1, copies: 0, mandatory: true },
      {
        name: 'Giấy tờ về quyền sử dụng đất theo Điều 137 Luật Đất đai',
        originals: 0,
        copies: 1,
        mandatory: false,
        note: 'Nếu có.',
      },
      { name: 'Giấy tờ về quyền sở hữu tài sản gắn liền với đất', originals: 0, copies: 1, mandatory: false, note: 'Nếu đăng ký tài sản.' },
      {
        name: 'Chứng từ thực hiện nghĩa vụ tài chính; giấy tờ về miễn, giảm nghĩa vụ tài chính',
        originals: 0,
        copies: 1,
        mandatory: false,
      },
      { name: 'Mảnh trích đo bản đồ địa chính thửa đất', originals: 1, copies: 0, mandatory: false, note: 'Nơi chưa có bản đồ địa chính.' },
    ],
    onlineRegime: 'PARTIAL',
    paperResultRequired: true,
    electronicResultAllowed: false,
    legalBasis: LEGAL_DAT_DAI,
    steps: [
      receive(4),
      review(64, 'Thẩm định hồ sơ, kiểm tra hiện trạng sử dụng đất'),
      fixed(CUC_THUE, 'Xác định nghĩa vụ tài chính, ra thông báo nộp tiền', 40),
      approve(24, 'Phê duyệt, ký Giấy chứng nhận'),
      deliver(4, 'Trả kết quả sau khi người sử dụng đất hoàn thành nghĩa vụ tài chính'),
    ],
  },
  {
    code: '1.012773', // code unverified
    name: 'Chuyển mục đích sử dụng đất phải được phép của cơ quan nhà nước có thẩm quyền đối với cá nhân',
    field: 'Đất đai',
    level: 'DISTRICT',
    // processing time approximate
    processingAmount: 15,
    processingUnit: 'WORKING_DAYS',
    fees: [
      {
        name: 'Phí thẩm định hồ sơ chuyển mục đích sử dụng đất',
        amount: 200_000,
        note: 'Mức thu theo Nghị quyết HĐND tỉnh (số liệu minh họa); chưa gồm tiền sử dụng đất phải nộp.',
      },
    ],
    documents: [
      { name: 'Đơn xin chuyển mục đích sử dụng đất theo mẫu', originals: 1, copies: 0, mandatory: true },
      {
        name: 'Giấy chứng nhận quyền sử dụng đất hoặc giấy tờ về quyền sử dụng đất',
        originals: 1,
        copies: 0,
        mandatory: true,
        note: 'Bản gốc để chỉnh lý biến động.',
      },
    ],
    onlineRegime: 'PARTIAL',
    paperResultRequired: true,
    electronicResultAllowed: false,
    legalBasis: LEGAL_DAT_DAI,
    steps: [
      receive(4),
      review(48, 'Thẩm tra hồ sơ, xác minh thực địa, đối chiếu quy hoạch, kế hoạch sử dụng đất'),
      approve(16, 'Quyết định cho phép chuyển mục đích sử dụng đất'),
      fixed(CUC_THUE, 'Xác định tiền sử dụng đất phải nộp', 32),
      review(8, 'Chỉnh lý hồ sơ địa chính, Giấy chứng nhận'),
      deliver(4),
    ],
  },

  // =============================================================================================================
  // CẤP TỈNH (PROVINCE)
  // =============================================================================================================
  {
    code: '2.000488',
    name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam',
    field: 'Lý lịch tư pháp',
    level: 'PROVINCE',
    competentAgencyCode: SO_TU_PHAP,
    processingAmount: 10,
    processingUnit: 'WORKING_DAYS',
    fees: [
      { name: 'Phí cung cấp thông tin lý lịch tư pháp', amount: 200_000, note: '200.000 đồng/lần/người (Thông tư 244/2016/TT-BTC).' },
      {
        name: 'Phí cung cấp thông tin lý lịch tư pháp (sinh viên, người có công, thân nhân liệt sĩ)',
        amount: 100_000,
        note: '100.000 đồng/lần/người; miễn phí cho trẻ em, người cao tuổi, người khuyết tật, người thuộc hộ nghèo.',
      },
      { name: 'Phí cấp thêm Phiếu lý lịch tư pháp', amount: 5_000, note: 'Từ Phiếu thứ 3 trở đi, 5.000 đồng/Phiếu.' },
    ],
    documents: [
      { name: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp theo mẫu', originals: 1, copies: 0, mandatory: true },
      {
        name: 'Bản chụp giấy tờ tùy thân (Căn cước/CCCD, hộ chiếu)',
        originals: 0,
        copies: 1,
        mandatory: true,
        note: 'Không phải nộp khi thông tin đã được khai thác từ Cơ sở dữ liệu quốc gia về dân cư.',
      },
      {
        name: 'Bản chụp giấy tờ chứng minh nơi cư trú',
        originals: 0,
        copies: 1,
        mandatory: false,
        note: 'Không phải nộp khi thông tin đã được khai thác từ Cơ sở dữ liệu quốc gia về dân cư.',
      },
      { ...vanBanUyQuyen, note: 'Chỉ áp dụng đối với yêu cầu cấp Phiếu lý lịch tư pháp số 1.' },
    ],
    onlineRegime: 'FULL',
    paperResultRequired: false,
    electronicResultAllowed: true,
    legalBasis:
      'Luật Lý lịch tư pháp 2009; Nghị định 111/2010/NĐ-CP; Thông tư 06/2013/TT-BTP; Thông tư 16/2013/TT-BTP; Thông tư 244/2016/TT-BTC',
    steps: [
      receive(4),
      review(16, 'Thẩm định hồ sơ, tra cứu Cơ sở dữ liệu lý lịch tư pháp'),
      fixed(CONG_AN_TINH, 'Tra cứu, xác minh thông tin về án tích', 40),
      review(8, 'Lập Phiếu lý lịch tư pháp'),
      approve(8, 'Phê duyệt, ký Phiếu lý lịch tư pháp'),
      deliver(4),
    ],
  },
  {
    code: '2.001610', // code unverified
    name: 'Đăng ký thành lập doanh nghiệp tư nhân',
    field: 'Thành lập và hoạt động doanh nghiệp',
    level: 'PROVINCE',
    competentAgencyCode: SO_KH_DT,
    processingAmount: 3,
    processingUnit: 'WORKING_DAYS',
    fees: FEES_DANG_KY_DOANH_NGHIEP,
    documents: [
      { name: 'Giấy đề nghị đăng ký doanh nghiệp tư nhân theo mẫu', originals: 1, copies: 0, mandatory: true },
      { name: 'Bản sao giấy tờ pháp lý của cá nhân đối với chủ doanh nghiệp tư nhân', originals: 0, copies: 1, mandatory: true },
      vanBanUyQuyen,
    ],
    onlineRegime: 'FULL',
    paperResultRequired: true,
    electronicResultAllowed: true,
    legalBasis: LEGAL_DOANH_NGHIEP,
    steps: standard(2, 12, 6, 2, 'Phê duyệt, cấp Giấy chứng nhận đăng ký doanh nghiệp'),
  },
  {
    code: '2.001199', // code unverified
    name: 'Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên',
    field: 'Thành lập và hoạt động doanh nghiệp',
    level: 'PROVINCE',
    competentAgencyCode: SO_KH_DT,
    processingAmount: 3,
    processingUnit: 'WORKING_DAYS',
    fees: FEES_DANG_KY_DOANH_NGHIEP,
    documents: [
      { name: 'Giấy đề nghị đăng ký doanh nghiệp theo mẫu', originals: 1, copies: 0, mandatory: true },
      { name: 'Điều lệ công ty', originals: 1, copies: 0, mandatory: true },
      {
        name: 'Bản sao giấy tờ pháp lý của cá nhân đối với người đại diện theo pháp luật',
        originals: 0,
        copies: 1,
        mandatory: true,
      },
      {
        name: 'Bản sao giấy tờ pháp lý của cá nhân hoặc tổ chức đối với chủ sở hữu công ty',
        originals: 0,
        copies: 1,
        mandatory: true,
      },
      {
        name: 'Văn bản cử người đại diện theo ủy quyền và bản sao giấy tờ pháp lý của người đại diện theo ủy quyền',
        originals: 1,
        copies: 1,
        mandatory: false,
        note: 'Trường hợp chủ sở hữu công ty là tổ chức.',
      },
      vanBanUyQuyen,
    ],
    onlineRegime: 'FULL',
    paperResultRequired: true,
    electronicResultAllowed: true,
    legalBasis: LEGAL_DOANH_NGHIEP,
    steps: standard(2, 12, 6, 2, 'Phê duyệt, cấp Giấy chứng nhận đăng ký doanh nghiệp'),
  },
  {
    code: '2.002042', // code unverified
    name: 'Đăng ký thành lập công ty trách nhiệm hữu hạn hai thành viên trở lên (liên thông cấp mã số thuế, mã số đơn vị tham gia bảo hiểm xã hội)',
    field: 'Thành lập và hoạt động doanh nghiệp',
    level: 'PROVINCE',
    competentAgencyCode: SO_KH_DT,
    processingAmount: 3,
    processingUnit: 'WORKING_DAYS',
    fees: FEES_DANG_KY_DOANH_NGHIEP,
    documents: [
      { name: 'Giấy đề nghị đăng ký doanh nghiệp theo mẫu', originals: 1, copies: 0, mandatory: true },
      { name: 'Điều lệ công ty', originals: 1, copies: 0, mandatory: true },
      { name: 'Danh sách thành viên theo mẫu', originals: 1, copies: 0, mandatory: true },
      {
        name: 'Bản sao giấy tờ pháp lý của cá nhân đối với người đại diện theo pháp luật và thành viên là cá nhân',
        originals: 0,
        copies: 1,
        mandatory: true,
      },
      {
        name: 'Bản sao giấy tờ pháp lý của tổ chức đối với thành viên là tổ chức; văn bản cử người đại diện theo ủy quyền',
        originals: 0,
        copies: 1,
        mandatory: false,
        note: 'Trường hợp có thành viên là tổ chức.',
      },
      {
        name: 'Thông tin đăng ký sử dụng lao động, tham gia bảo hiểm xã hội (kê khai trên Giấy đề nghị)',
        originals: 1,
        copies: 0,
        mandatory: true,
      },
      vanBanUyQuyen,
    ],
    onlineRegime: 'FULL',
    paperResultRequired: true,
    electronicResultAllowed: true,
    legalBasis: `${LEGAL_DOANH_NGHIEP}; Luật Quản lý thuế 2019; Luật Bảo hiểm xã hội 2014`,
    steps: [
      receive(2),
      review(8, 'Thẩm định hồ sơ đăng ký doanh nghiệp'),
      fixed(CUC_THUE, 'Tạo mã số doanh nghiệp (mã số thuế), xác định cơ quan thuế quản lý', 6, 'lien-thong'),
      fixed(BHXH_TINH, 'Cấp mã số đơn vị tham gia bảo hiểm xã hội', 6, 'lien-thong'),
      approve(4, 'Phê duyệt, cấp Giấy chứng nhận đăng ký doanh nghiệp'),
      deliver(2),
    ],
  },
  {
    code: '1.012759', // code unverified
    name: 'Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất trong trường hợp chuyển nhượng, tặng cho, thừa kế',
    field: 'Đất đai',
    level: 'PROVINCE',
    competentAgencyCode: SO_TN_MT,
    processingAmount: 10,
    processingUnit: 'WORKING_DAYS',
    fees: [
      {
        name: 'Lệ phí đăng ký biến động đất đai',
        amount: 30_000,
        note: 'Mức thu theo Nghị quyết HĐND tỉnh (số liệu minh họa); chưa gồm thuế thu nhập cá nhân, lệ phí trước bạ theo thông báo của cơ quan thuế.',
      },
    ],
    documents: [
      { name: 'Đơn đăng ký biến động đất đai, tài sản gắn liền với đất theo mẫu', originals: 1, copies: 0, mandatory: true },
      {
        name: 'Hợp đồng, văn bản về chuyển nhượng, tặng cho, thừa kế quyền sử dụng đất đã được công chứng hoặc chứng thực',
        originals: 1,
        copies: 0,
        mandatory: true,
      },
      { name: 'Giấy chứng nhận đã cấp', originals: 1, copies: 0, mandatory: true, note: 'Bản gốc.' },
      { name: 'Tờ khai thuế thu nhập cá nhân', originals: 1, copies: 0, mandatory: true },
      { name: 'Tờ khai lệ phí trước bạ', originals: 1, copies: 0, mandatory: true },
      {
        name: 'Giấy tờ chứng minh thuộc đối tượng được miễn, giảm nghĩa vụ tài chính',
        originals: 0,
        copies: 1,
        mandatory: false,
      },
    ],
    onlineRegime: 'PARTIAL',
    paperResultRequired: true,
    electronicResultAllowed: false,
    legalBasis: LEGAL_DAT_DAI,
    steps: [
      receive(4),
      review(24, 'Văn phòng đăng ký đất đai thẩm định hồ sơ'),
      fixed(CUC_THUE, 'Xác định nghĩa vụ tài chính (thuế thu nhập cá nhân, lệ phí trước bạ)', 24),
      review(12, 'Chỉnh lý, cập nhật biến động vào hồ sơ địa chính'),
      approve(8, 'Ký xác nhận biến động trên Giấy chứng nhận'),
      deliver(4),
    ],
  },
  {
    // Since 01/3/2025 driving licences are handled by the police (Luật Trật tự, an toàn giao thông đường bộ 2024);
    // the demo keeps the earlier Sở GTVT arrangement.
    code: '1.002809', // code unverified
    name: 'Đổi Giấy phép lái xe do ngành Giao thông vận tải cấp',
    field: 'Đường bộ',
    level: 'PROVINCE',
    competentAgencyCode: SO_GTVT,
    processingAmount: 5,
    processingUnit: 'WORKING_DAYS',
    fees: [
      {
        name: 'Lệ phí cấp Giấy phép lái xe',
        amount: 135_000,
        note: '115.000 đồng khi nộp hồ sơ trực tuyến (Thông tư 37/2023/TT-BTC).',
      },
    ],
    documents: [
      { name: 'Đơn đề nghị đổi Giấy phép lái xe theo mẫu', originals: 1, copies: 0, mandatory: true },
      {
        name: 'Giấy khám sức khỏe của người lái xe do cơ sở y tế có thẩm quyền cấp',
        originals: 1,
        copies: 0,
        mandatory: false,
        note: 'Không áp dụng đối với Giấy phép lái xe hạng A1, A2, A3 không thời hạn; có thể sử dụng dữ liệu khám sức khỏe điện tử.',
      },
      { name: 'Giấy phép lái xe cần đổi', originals: 0, copies: 1, mandatory: true, note: 'Xuất trình bản chính khi nhận kết quả.' },
    ],
    onlineRegime: 'FULL',
    paperResultRequired: true,
    electronicResultAllowed: false,
    legalBasis:
      'Luật Giao thông đường bộ 2008; Thông tư 12/2017/TT-BGTVT; Thông tư 01/2021/TT-BGTVT; Thông tư 05/2024/TT-BGTVT; Thông tư 37/2023/TT-BTC',
    steps: [
      receive(2),
      review(24, 'Kiểm tra, đối chiếu dữ liệu Giấy phép lái xe, in Giấy phép lái xe'),
      approve(8, 'Phê duyệt, ký Giấy phép lái xe'),
      deliver(2),
    ],
  },
  {
    code: '1.002952', // code unverified
    name: 'Cấp Chứng chỉ hành nghề dược',
    field: 'Dược phẩm',
    level: 'PROVINCE',
    competentAgencyCode: SO_Y_TE,
    // processing time approximate ("20 ngày"); budgets sized for the working days within it
    processingAmount: 20,
    processingUnit: 'CALENDAR_DAYS',
    fees: [
      {
        name: 'Phí thẩm định điều kiện cấp Chứng chỉ hành nghề dược',
        amount: 500_000,
        note: 'Thông tư 277/2016/TT-BTC (số liệu tham khảo).',
      },
    ],
    documents: [
      { name: 'Đơn đề nghị cấp Chứng chỉ hành nghề dược theo mẫu', originals: 1, copies: 0, mandatory: true },
      {
        name: 'Ảnh chân dung cỡ 4 cm x 6 cm chụp trong thời gian không quá 06 tháng',
        originals: 2,
        copies: 0,
        mandatory: true,
      },
      { name: 'Văn bằng chuyên môn', originals: 0, copies: 1, mandatory: true, note: 'Bản sao có chứng thực.' },
      {
        name: 'Giấy xác nhận về thời gian thực hành chuyên môn',
        originals: 1,
        copies: 0,
        mandatory: true,
      },
    ],
    onlineRegime: 'PARTIAL',
    paperResultRequired: true,
    electronicResultAllowed: false,
    legalBasis: 'Luật Dược 2016; Nghị định 54/2017/NĐ-CP; Nghị định 155/2018/NĐ-CP; Thông tư 277/2016/TT-BTC',
    steps: [
      receive(4),
      review(64, 'Thẩm định hồ sơ'),
      review(24, 'Hội đồng tư vấn cấp Chứng chỉ hành nghề dược xem xét'),
      approve(12, 'Giám đốc Sở Y tế ký Chứng chỉ hành nghề dược'),
      deliver(4),
    ],
  },
  {
    code: '1.012277', // code unverified
    name: 'Cấp mới giấy phép hành nghề khám bệnh, chữa bệnh đối với chức danh bác sỹ, y sỹ, điều dưỡng, hộ sinh',
    field: 'Khám bệnh, chữa bệnh',
    level: 'PROVINCE',
    competentAgencyCode: SO_Y_TE,
    // processing time approximate
    processingAmount: 30,
    processingUnit: 'CALENDAR_DAYS',
    fees: [
      {
        name: 'Phí thẩm định cấp giấy phép hành nghề khám bệnh, chữa bệnh',
        amount: 360_000,
        note: 'Theo quy định của Bộ Tài chính về phí trong lĩnh vực y tế (số liệu tham khảo).',
      },
    ],
    documents: [
      { name: 'Đơn đề nghị cấp mới giấy phép hành nghề theo mẫu', originals: 1, copies: 0, mandatory: true },
      { name: 'Văn bằng chuyên môn phù hợp với chức danh đề nghị cấp', originals: 0, copies: 1, mandatory: true },
      {
        name: 'Giấy chứng nhận đủ sức khỏe để hành nghề khám bệnh, chữa bệnh',
        originals: 1,
        copies: 0,
        mandatory: true,
        note: 'Do cơ sở khám bệnh, chữa bệnh có thẩm quyền cấp trong thời hạn 06 tháng.',
      },
      { name: 'Phiếu lý lịch tư pháp', originals: 1, copies: 0, mandatory: true },
      {
        name: 'Ảnh chân dung cỡ 4 cm x 6 cm chụp trong thời gian không quá 06 tháng',
        originals: 2,
        copies: 0,
        mandatory: true,
      },
    ],
    onlineRegime: 'PARTIAL',
    paperResultRequired: true,
    electronicResultAllowed: false,
    legalBasis: 'Luật Khám bệnh, chữa bệnh 2023; Nghị định 96/2023/NĐ-CP; Thông tư 32/2023/TT-BYT',
    steps: [
      receive(4),
      review(96, 'Thẩm định hồ sơ'),
      review(32, 'Hội đồng chuyên môn xem xét cấp giấy phép hành nghề'),
      approve(16, 'Giám đốc Sở Y tế ký giấy phép hành nghề'),
      deliver(4),
    ],
  },
  {
    code: '1.009989', // code unverified
    name: 'Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III',
    field: 'Hoạt động xây dựng',
    level: 'PROVINCE',
    competentAgencyCode: SO_XAY_DUNG,
    // processing time approximate ("20 ngày")
    processingAmount: 20,
    processingUnit: 'CALENDAR_DAYS',
    fees: [
      { name: 'Lệ phí cấp chứng chỉ hành nghề hoạt động xây dựng', amount: 150_000, note: 'Thông tư 38/2022/TT-BTC (số liệu tham khảo).' },
      { name: 'Phí sát hạch cấp chứng chỉ hành nghề', amount: 300_000, note: 'Thu khi tham dự sát hạch (số liệu tham khảo).' },
    ],
    documents: [
      { name: 'Đơn đề nghị cấp chứng chỉ hành nghề hoạt động xây dựng theo mẫu', originals: 1, copies: 0, mandatory: true },
      {
        name: 'Ảnh màu cỡ 4 cm x 6 cm có nền màu trắng chụp trong thời gian không quá 06 tháng',
        originals: 1,
        copies: 0,
        mandatory: true,
      },
      { name: 'Văn bằng được đào tạo phù hợp với lĩnh vực đề nghị cấp chứng chỉ', originals: 0, copies: 1, mandatory: true },
      {
        name: 'Bản kê khai kinh nghiệm thực hiện công việc theo mẫu, kèm văn bản xác nhận của tổ chức',
        originals: 1,
        copies: 0,
        mandatory: true,
      },
    ],
    onlineRegime: 'FULL',
    paperResultRequired: false,
    electronicResultAllowed: true,
    legalBasis: 'Luật Xây dựng 2014; Luật số 62/2020/QH14; Nghị định 15/2021/NĐ-CP; Thông tư 38/2022/TT-BTC',
    steps: [
      receive(4),
      review(56, 'Thẩm định hồ sơ, tổ chức sát hạch'),
      review(24, 'Hội đồng xét cấp chứng chỉ hành nghề xem xét'),
      approve(16, 'Giám đốc Sở Xây dựng ký chứng chỉ hành nghề'),
      deliver(4),
    ],
  },
  {
    code: '1.005092', // code unverified
    name: 'Cấp bản sao văn bằng, chứng chỉ từ sổ gốc cấp văn bằng, chứng chỉ',
    field: 'Giáo dục và Đào tạo',
    level: 'PROVINCE',
    competentAgencyCode: SO_GD_DT,
    processingAmount: 1,
    processingUnit: 'WORKING_DAYS',
    fees: [{ name: 'Phí, lệ phí', amount: 0, note: 'Không quy định.' }],
    documents: [
      { name: 'Đơn đề nghị cấp bản sao văn bằng, chứng chỉ từ sổ gốc theo mẫu', originals: 1, copies: 0, mandatory: true },
      giayToTuyThan,
      vanBanUyQuyen,
    ],
    onlineRegime: 'FULL',
    paperResultRequired: true,
    electronicResultAllowed: true,
    legalBasis: 'Nghị định 23/2015/NĐ-CP; Thông tư 21/2019/TT-BGDĐT',
    steps: standard(1, 4, 2, 1, 'Phê duyệt, ký bản sao văn bằng, chứng chỉ'),
  },
  {
    code: '1.005088', // code unverified
    name: 'Chỉnh sửa nội dung văn bằng, chứng chỉ',
    field: 'Giáo dục và Đào tạo',
    level: 'PROVINCE',
    competentAgencyCode: SO_GD_DT,
    processingAmount: 5,
    processingUnit: 'WORKING_DAYS',
    fees: [{ name: 'Phí, lệ phí', amount: 0, note: 'Không quy định.' }],
    documents: [
      { name: 'Đơn đề nghị chỉnh sửa nội dung văn bằng, chứng chỉ theo mẫu', originals: 1, copies: 0, mandatory: true },
      { name: 'Văn bằng, chứng chỉ đề nghị chỉnh sửa', originals: 1, copies: 0, mandatory: true },
      {
        name: 'Trích lục hoặc quyết định thay đổi, cải chính hộ tịch, xác định lại dân tộc, xác định lại giới tính',
        originals: 0,
        copies: 1,
        mandatory: true,
      },
      {
        name: 'Giấy khai sinh',
        originals: 0,
        copies: 1,
        mandatory: false,
        note: 'Trường hợp chỉnh sửa thông tin về ngày, tháng, năm sinh.',
      },
    ],
    onlineRegime: 'PARTIAL',
    paperResultRequired: true,
    electronicResultAllowed: false,
    legalBasis: 'Thông tư 21/2019/TT-BGDĐT',
    steps: standard(2, 24, 8, 2, 'Phê duyệt, ký quyết định chỉnh sửa văn bằng, chứng chỉ'),
  },
  {
    code: '1.000459', // code unverified
    name: 'Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam',
    field: 'Việc làm',
    level: 'PROVINCE',
    competentAgencyCode: SO_LD_TB_XH,
    processingAmount: 5,
    processingUnit: 'WORKING_DAYS',
    fees: [
      {
        name: 'Lệ phí cấp giấy phép lao động',
        amount: 600_000,
        note: 'Mức thu theo Nghị quyết HĐND tỉnh (số liệu minh họa).',
      },
    ],
    documents: [
      { name: 'Văn bản đề nghị cấp giấy phép lao động của người sử dụng lao động theo mẫu', originals: 1, copies: 0, mandatory: true },
      {
        name: 'Giấy chứng nhận sức khỏe hoặc giấy khám sức khỏe',
        originals: 1,
        copies: 0,
        mandatory: true,
        note: 'Có giá trị trong thời hạn 12 tháng; giấy tờ nước ngoài phải hợp pháp hóa lãnh sự và dịch sang tiếng Việt.',
      },
      { name: 'Phiếu lý lịch tư pháp hoặc văn bản xác nhận không phải người phạm tội', originals: 1, copies: 0, mandatory: true },
      {
        name: 'Văn bản, giấy tờ chứng minh là nhà quản lý, giám đốc điều hành, chuyên gia hoặc lao động kỹ thuật',
        originals: 0,
        copies: 1,
        mandatory: true,
      },
      { name: 'Ảnh màu cỡ 4 cm x 6 cm, phông nền trắng', originals: 2, copies: 0, mandatory: true },
      { name: 'Hộ chiếu còn giá trị', originals: 0, copies: 1, mandatory: true, note: 'Bản sao có chứng thực.' },
      {
        name: 'Văn bản chấp thuận nhu cầu sử dụng người lao động nước ngoài',
        originals: 0,
        copies: 1,
        mandatory: true,
      },
    ],
    onlineRegime: 'FULL',
    paperResultRequired: true,
    electronicResultAllowed: false,
    legalBasis: 'Bộ luật Lao động 2019; Nghị định 152/2020/NĐ-CP; Nghị định 70/2023/NĐ-CP',
    steps: standard(2, 24, 8, 2, 'Phê duyệt, ký giấy phép lao động'),
  },
];
