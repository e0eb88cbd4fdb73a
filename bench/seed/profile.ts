import type { AgencyInfo, ProcedureInfo } from './catalog';

/**
 * The shape of the province's workload: who receives what, through which channel, how fast it is
 * handled. Numbers are plausible for a Mekong Delta province (about a million dossiers a year at
 * full scale), not statistics of An Giang. Codes not listed get weight 1.
 */

/** Relative demand of a procedure among those of its level (chứng thực and hộ tịch dominate). */
export const PROCEDURE_POPULARITY: Record<string, number> = {
  // commune
  '2.000815': 12, // chứng thực bản sao từ bản chính
  '2.000884': 5, // chứng thực chữ ký
  '1.001193': 4, // đăng ký khai sinh
  '1.004873': 2.5, // xác nhận tình trạng hôn nhân
  '2.000635': 2, // trích lục hộ tịch
  '1.000894': 1.5, // đăng ký kết hôn
  '1.000656': 1.2, // đăng ký khai tử
  '1.004194': 3, // cư trú (Công an)
  // district
  '2.000720': 3, // hộ kinh doanh
  '1.012755': 2.5, // đất đai
  '1.012773': 2.5,
  '1.009994': 2, // giấy phép xây dựng
  '1.001776': 1.5, // bảo trợ xã hội
  '1.009974': 0.7,
  // province
  '2.000488': 4, // lý lịch tư pháp
  '2.001610': 3, // đăng ký doanh nghiệp
  '2.001199': 1.5,
  '2.002042': 1.5,
  '1.002809': 2.5,
  '1.005092': 1.5,
  '1.000459': 1.2,
  '1.002952': 0.5,
  '1.012277': 0.5,
  '1.005088': 0.7,
};

/**
 * Share of a reception point's intake by procedure level. A commune also receives district and
 * province procedures (liên thông, phi địa giới); the province center receives province procedures.
 */
export const LEVEL_SHARE: Record<AgencyInfo['level'], Partial<Record<ProcedureInfo['level'], number>>> = {
  COMMUNE: { COMMUNE: 0.85, DISTRICT: 0.13, PROVINCE: 0.02 },
  DISTRICT: { COMMUNE: 0.08, DISTRICT: 0.8, PROVINCE: 0.12 },
  DEPARTMENT: { PROVINCE: 0.97, COMMUNE: 0.03, DISTRICT: 0 },
  PROVINCE: { PROVINCE: 0.9, DISTRICT: 0.05, COMMUNE: 0.05 },
};

/** Share of the whole province's intake by kind of reception point (spread within by local size). */
export const POINT_SHARE: Record<AgencyInfo['level'], number> = { DEPARTMENT: 0.17, PROVINCE: 0.02, DISTRICT: 0.38, COMMUNE: 0.43 };

/** Online share by the procedure's online regime, growing from the first to the last day of the data. */
export const ONLINE_SHARE: Record<ProcedureInfo['onlineRegime'], [number, number]> = {
  FULL: [0.38, 0.55],
  PARTIAL: [0.18, 0.3],
  NONE: [0, 0],
};
export const POSTAL_SHARE = 0.04;

/** Fields whose applicants are businesses or organisations (part of the time). */
export const BUSINESS_FIELDS: Record<string, { share: number; organisation: boolean }> = {
  'Thành lập và hoạt động doanh nghiệp': { share: 0.55, organisation: false },
  'Dược phẩm': { share: 0.7, organisation: true },
  'Khám bệnh, chữa bệnh': { share: 0.7, organisation: true },
  'Lưu thông hàng hóa trong nước': { share: 0.5, organisation: false },
  'Hoạt động xây dựng': { share: 0.25, organisation: false },
};

/** Fields that end with a financial obligation (thuế, lệ phí trước bạ) before the result. */
export const PAYMENT_FIELDS: Record<string, number> = { 'Đất đai': 0.55 };
/** Fields where officials ask for supplements more often. */
export const SUPPLEMENT_RATE: Record<string, number> = { 'Đất đai': 0.16, 'Hoạt động xây dựng': 0.14, 'Bảo trợ xã hội': 0.1 };
export const DEFAULT_SUPPLEMENT_RATE = 0.05;

/** Weekday factors (ISO 1 = Monday) and month factors of the intake (Tết in Jan/Feb, year-end rush). */
export const WEEKDAY_FACTOR = [0, 1.22, 1.06, 1, 1, 0.9, 0.75, 0.75];
export const MONTH_FACTOR = [0, 1.08, 0.82, 1.05, 1, 1, 0.97, 0.95, 1.02, 1.04, 1.03, 1.08, 1.15];

export const REASONS = {
  refuse: [
    'Thủ tục không thuộc thẩm quyền tiếp nhận của cơ quan',
    'Thành phần hồ sơ không đúng quy định, đã hướng dẫn công dân nộp lại',
    'Người nộp hồ sơ không đủ điều kiện thực hiện thủ tục',
    'Hồ sơ trùng với hồ sơ đang giải quyết',
  ],
  supplement: [
    'Bổ sung bản sao giấy chứng nhận quyền sử dụng đất',
    'Tờ khai chưa ghi đầy đủ thông tin, đề nghị bổ sung',
    'Bổ sung giấy tờ chứng minh nơi cư trú',
    'Ảnh chụp giấy tờ không rõ, đề nghị nộp lại bản rõ nét',
    'Bổ sung văn bản ủy quyền có chứng thực',
    'Bản vẽ thiết kế chưa có chữ ký của chủ đầu tư',
  ],
  withdrawal: [
    'Công dân đề nghị rút hồ sơ để điều chỉnh thông tin',
    'Công dân không còn nhu cầu giải quyết',
    'Nộp nhầm thủ tục, xin rút hồ sơ',
  ],
  stop: [
    'Quá thời hạn bổ sung hồ sơ theo yêu cầu mà công dân không bổ sung',
    'Phát sinh tranh chấp liên quan đến hồ sơ',
    'Quá thời hạn thực hiện nghĩa vụ tài chính',
  ],
  reject: [
    'Không đủ điều kiện theo quy định của pháp luật',
    'Kết quả thẩm định không đạt yêu cầu',
    'Thửa đất đang có tranh chấp, chưa đủ điều kiện giải quyết',
  ],
  apology: [
    'Hồ sơ cần xác minh thêm với cơ quan có liên quan',
    'Chờ ý kiến của cơ quan phối hợp giải quyết',
    'Hệ thống liên thông gặp sự cố kỹ thuật',
  ],
  /** A consulted agency sends the step back to whoever sent it (RoutingService.returnStep). */
  stepReturn: [
    'Thiếu văn bản đề nghị có ý kiến của cơ quan chủ trì',
    'Hồ sơ gửi sang chưa có bản trích đo địa chính, đề nghị bổ sung',
    'Thông tin nhân thân trong phiếu đề nghị chưa đầy đủ',
    'Gửi nhầm cơ quan phối hợp, đề nghị kiểm tra lại',
  ],
  /** What a consulted agency writes when it completes its step. */
  stepNote: [
    'Đã có ý kiến bằng văn bản gửi cơ quan chủ trì',
    'Thống nhất với đề xuất của cơ quan chủ trì',
    'Đã cập nhật vào cơ sở dữ liệu chuyên ngành',
    'Đã xác minh, không phát hiện vướng mắc',
  ],
  /** What citizens write beside a good rating (most leave none). */
  ratingPraise: [
    'Cán bộ hướng dẫn tận tình, chu đáo',
    'Thủ tục nhanh gọn, đúng hẹn',
    'Nhận kết quả sớm hơn ngày hẹn, rất hài lòng',
    'Cổng dịch vụ công dễ sử dụng',
  ],
  /** … and beside a poor one. */
  ratingComplaint: [
    'Phải chờ lâu ở quầy tiếp nhận',
    'Trả kết quả trễ hẹn, đề nghị cải thiện',
    'Cần hướng dẫn rõ hơn về thành phần hồ sơ',
    'Phải bổ sung hồ sơ nhiều lần',
  ],
  notes: [
    'Công dân nộp thêm 02 bản sao',
    'Đề nghị nhận kết quả qua dịch vụ bưu chính công ích',
    'Hồ sơ ưu tiên: người cao tuổi',
    'Công dân ủy quyền cho người thân nộp hồ sơ',
    'Đã hướng dẫn công dân tra cứu hồ sơ trực tuyến',
  ],
};
