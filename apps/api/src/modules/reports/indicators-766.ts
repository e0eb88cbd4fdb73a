/**
 * Decision 766/QĐ-TTg indicators the product can compute from its own data (DOMAIN §9).
 *
 * Sources of the targets and maximum points:
 *  - DOMAIN §9 (normative): the score rule, on-time Pmax 20, online-dossier target 50 %,
 *    digitisation target 80 %;
 *  - reference/domain-brief.md §6 (the DVCQG "Mô tả công thức tính chỉ số 766" document [S16]):
 *    4.1 electronic results Pmax 6, 4.2 digitisation Pmax 4, 5.4 satisfaction Pmax 6 target 90 %.
 * Assumptions where the brief marks the split inside a group UNCONFIRMED ("?") or gives no target
 * (its open question 4) — change them here, nowhere else:
 *  - no stated target → 100 %: the score is proportional (rate × Pmax), the natural reading of the
 *    score rule with nothing to reach early;
 *  - 3.3 online dossiers: group 3 has 12 points over 3.1–3.3 and only 3.3 is per dossier → 4, a third;
 *  - 3.6 online payment: group 3b has 10 points over 3.5–3.6 → 5, a half.
 */
export const INDICATORS_766 = {
  onTime: { id: '2.1', name: 'Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn', pmax: 20, target: 100 },
  online: { id: '3.3', name: 'Tỷ lệ hồ sơ trực tuyến', pmax: 4, target: 50 },
  onlinePayment: { id: '3.6', name: 'Tỷ lệ hồ sơ thanh toán trực tuyến', pmax: 5, target: 100 },
  electronicResult: { id: '4.1', name: 'Tỷ lệ hồ sơ có kết quả giải quyết điện tử', pmax: 6, target: 100 },
  digitisation: { id: '4.2', name: 'Tỷ lệ hồ sơ thực hiện số hóa', pmax: 4, target: 80 },
  satisfaction: { id: '5.4', name: 'Mức độ hài lòng trong tiếp nhận, giải quyết TTHC', pmax: 6, target: 90 },
} as const;

export type Indicator766 = keyof typeof INDICATORS_766;
export const INDICATOR_766_NAMES = Object.keys(INDICATORS_766) as Indicator766[];

/** What the numbers leave out, said in every response. */
export const INDICATOR_766_NOTES = [
  'Phản ánh, kiến nghị (PAKN) chưa được ghi nhận trong hệ thống: chỉ số 5.4 tính 0 hồ sơ có phản ánh (100 % − tỷ lệ quá hạn).',
  'Chỉ số 3.3 tính hồ sơ nộp qua kênh trực tuyến; chưa áp dụng điều kiện kết quả điện tử và tỷ lệ đồng bộ DVCQG.',
  'Chỉ số 4.2 tính hồ sơ có ít nhất một tệp thành phần hồ sơ (DOCUMENT); chưa xét điều kiện kết quả điện tử.',
];

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The official rule: `score = Pmax` if rate ≥ target, else `rate × Pmax / target`. Rate in %;
 * both rounded to 2 decimals at the end (the score from the unrounded rate). Nothing to count →
 * null, never a fake 0.
 */
export function score766(numerator: number, denominator: number, indicator: { pmax: number; target: number }) {
  if (!denominator) return { rate: null, score: null };
  const rate = (100 * numerator) / denominator;
  return { rate: round2(rate), score: rate >= indicator.target ? indicator.pmax : round2((rate * indicator.pmax) / indicator.target) };
}
