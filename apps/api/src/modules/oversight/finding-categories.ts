/** An auditor's verdict on one sampled dossier. */
export const FINDING_VERDICTS = ['COMPLIANT', 'PROBLEM'] as const;
export type FindingVerdict = (typeof FINDING_VERDICTS)[number];

/** What went wrong with a dossier found to have a problem (a fixed list, so findings can be counted). */
export const FINDING_CATEGORIES = [
  'LATE_WITHOUT_APOLOGY',
  'MISSING_DOCUMENTS',
  'WRONG_FEE',
  'EXTRA_REQUIREMENT',
  'RECORD_INCOMPLETE',
  'OTHER',
] as const;
export type FindingCategory = (typeof FINDING_CATEGORIES)[number];

export const VERDICT_LABELS_VI: Readonly<Record<FindingVerdict, string>> = {
  COMPLIANT: 'Đạt yêu cầu',
  PROBLEM: 'Có vi phạm, thiếu sót',
};

export const CATEGORY_LABELS_VI: Readonly<Record<FindingCategory, string>> = {
  LATE_WITHOUT_APOLOGY: 'Trễ hạn không có văn bản xin lỗi',
  MISSING_DOCUMENTS: 'Thiếu thành phần hồ sơ',
  WRONG_FEE: 'Thu phí, lệ phí không đúng quy định',
  EXTRA_REQUIREMENT: 'Yêu cầu thêm giấy tờ ngoài quy định',
  RECORD_INCOMPLETE: 'Sổ theo dõi, phiếu kiểm soát không đầy đủ',
  OTHER: 'Khác',
};

export const NOT_REVIEWED_VI = 'Chưa kiểm tra';
