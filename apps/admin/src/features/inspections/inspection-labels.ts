import type { Schemas } from '@motcua/api-client';
import { i18n } from '../../i18n/i18n';

export type InspectionSummary = Schemas['InspectionSummary'];
export type Inspection = Schemas['InspectionDetail'];
export type SampleItem = Schemas['InspectionSampleItem'];
export type Finding = Schemas['FindingResponse'];
export type FindingVerdict = Schemas['FindingVerdict'];
export type FindingCategory = Schemas['FindingCategory'];
export type InspectionStatus = Schemas['InspectionStatus'];
export type InspectionExportFormat = 'xlsx' | 'csv' | 'pdf';

export const INSPECTIONS_PATH = '/thanh-tra';
export const inspectionPath = (id: string) => `${INSPECTIONS_PATH}/${id}`;

export const INSPECTION_STATUSES: readonly InspectionStatus[] = ['OPEN', 'CLOSED'];
export const FINDING_VERDICTS: readonly FindingVerdict[] = ['COMPLIANT', 'PROBLEM'];
/** In the API's list order (the report counts them in this order too). */
export const FINDING_CATEGORIES: readonly FindingCategory[] = [
  'LATE_WITHOUT_APOLOGY',
  'MISSING_DOCUMENTS',
  'WRONG_FEE',
  'EXTRA_REQUIREMENT',
  'RECORD_INCOMPLETE',
  'OTHER',
];
export const EXPORT_FORMATS: readonly InspectionExportFormat[] = ['xlsx', 'csv', 'pdf'];

/** What the API accepts as a seed; checked in the form too so a typo is caught before the draw. */
export const SEED_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
export const SAMPLE_SIZE_MAX = 1000;
export const NOTE_MAX = 2000;

export const STATUS_COLORS: Readonly<Record<InspectionStatus, string>> = { OPEN: 'processing', CLOSED: 'default' };
export const VERDICT_COLORS: Readonly<Record<FindingVerdict, string>> = { COMPLIANT: 'green', PROBLEM: 'red' };

export const inspectionStatusLabel = (status: InspectionStatus) => i18n.t(`oversight.inspections.statuses.${status}`);
/** "Đạt" / "Có vấn đề". */
export const verdictLabel = (verdict: FindingVerdict) => i18n.t(`oversight.inspections.verdicts.${verdict}`);
/** "Trễ hạn không có văn bản xin lỗi", … */
export const categoryLabel = (category: FindingCategory) => i18n.t(`oversight.inspections.categories.${category}`);
