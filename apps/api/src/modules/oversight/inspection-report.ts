import {
  fromArray,
  RowHasher,
  viDate,
  viDateTimeOf,
  type CellValue,
  type TableColumn,
  type TableDocument,
} from '../../common/tabular-file';
import { renderReportFile, type FileFormat, type ReportFile, type ReportTable } from '../reports/report-files';
import type { InspectionDetail, InspectionTable } from './dto/inspection.dto';
import { NOT_REVIEWED_VI } from './finding-categories';

const TIMELINESS_VI: Record<string, string> = {
  EARLY: 'Trước hạn',
  ON_TIME: 'Đúng hạn',
  LATE: 'Quá hạn',
  WITHIN: 'Trong hạn',
  DUE_SOON: 'Sắp đến hạn',
  OVERDUE: 'Quá hạn (đang giải quyết)',
};

/** The findings table: one row per sampled dossier, in draw order, with typed cells. */
export const INSPECTION_COLUMNS: TableColumn[] = [
  { title: 'STT', type: 'integer', width: 6 },
  { title: 'Mã hồ sơ', type: 'text', width: 26 },
  { title: 'Mã thủ tục', type: 'text', width: 11 },
  { title: 'Tên thủ tục', type: 'text', width: 34 },
  { title: 'Cơ quan giải quyết', type: 'text', width: 26 },
  { title: 'Thời điểm tiếp nhận', type: 'datetime', width: 17 },
  { title: 'Trạng thái', type: 'text', width: 20 },
  { title: 'Tình hình giải quyết', type: 'text', width: 16 },
  { title: 'Kết luận', type: 'text', width: 18 },
  { title: 'Nhóm vi phạm, thiếu sót', type: 'text', width: 28 },
  { title: 'Ghi chú', type: 'text', width: 36 },
  { title: 'Người ghi nhận', type: 'text', width: 22 },
  { title: 'Thời điểm ghi nhận', type: 'datetime', width: 17 },
];

export function inspectionRows(inspection: InspectionDetail): CellValue[][] {
  return inspection.sample.map((s) => [
    s.position,
    s.code,
    s.procedureCode,
    s.procedureName,
    s.agencyName,
    new Date(s.receivedAt),
    s.statusText,
    s.timeliness ? (TIMELINESS_VI[s.timeliness] ?? s.timeliness) : null,
    s.finding?.verdictLabel ?? NOT_REVIEWED_VI,
    s.finding?.categoryLabel ?? null,
    s.finding?.note ?? null,
    s.finding?.recordedByName ?? null,
    s.finding ? new Date(s.finding.recordedAt) : null,
  ]);
}

/** An instant as the row hash writes it: local ISO 8601 (`2026-05-04T09:00:00.000+07:00`). */
const localIso = (t: Date) => new Date(t.getTime() + 7 * 3_600_000).toISOString().replace('Z', '+07:00');

/**
 * The table as JSON carries it, and its SHA-256 by the rule every export follows (`RowHasher`):
 * the UTF-8 of `JSON.stringify(row) + "\n"` for each data row, instants as local ISO 8601. Hashing
 * the JSON rows as they are gives the same digest as the XLSX, CSV and PDF state.
 */
export function inspectionJsonTable(rows: CellValue[][]): { table: InspectionTable; sha256: string } {
  const hasher = new RowHasher();
  const json = rows.map((row) => row.map((v) => (v instanceof Date ? localIso(v) : v)));
  for (const row of json) hasher.add(row);
  return { table: { header: INSPECTION_COLUMNS.map((c) => c.title), rows: json }, sha256: hasher.digest() };
}

/** The report's information block: what was inspected, how the sample was drawn, what was found. */
export function inspectionInfo(inspection: InspectionDetail, preparedBy: string): Array<[string, string]> {
  const { counts } = inspection;
  return [
    ['Đợt kiểm tra', inspection.title],
    ['Phạm vi', `${inspection.agency.name} (${inspection.agency.code}) và các đơn vị trực thuộc`],
    ['Kỳ kiểm tra', `Hồ sơ tiếp nhận từ ngày ${viDate(inspection.from)} đến ngày ${viDate(inspection.to)}`],
    ['Thủ tục', inspection.procedureCode ?? 'Tất cả thủ tục'],
    ['Hạt giống chọn mẫu (seed)', inspection.seed],
    ['Cỡ mẫu', `${counts.sampled} hồ sơ (yêu cầu ${inspection.sampleSize}; tổng thể ${inspection.population} hồ sơ)`],
    [
      'Cách chọn mẫu',
      'Sắp xếp các hồ sơ tiếp nhận trong kỳ theo chuỗi hex md5(seed + ":" + id hồ sơ) tăng dần (thứ tự byte), lấy các hồ sơ đầu tiên',
    ],
    [
      'Trạng thái',
      inspection.closedAt
        ? `Đã kết thúc lúc ${viDateTimeOf(new Date(inspection.closedAt))}${inspection.closedByName ? ` (${inspection.closedByName})` : ''}`
        : 'Đang kiểm tra',
    ],
    ['Kết quả', `Đạt yêu cầu: ${counts.compliant}; Có vi phạm, thiếu sót: ${counts.problem}; Chưa kiểm tra: ${counts.pending}`],
    ...counts.byCategory.filter((c) => c.count > 0).map((c): [string, string] => [`Vi phạm: ${c.label}`, String(c.count)]),
    ['Người lập', preparedBy],
  ];
}

/** The inspection as an official table (header block, typed cells, frozen panes, footer with the hash). */
export function inspectionTable(inspection: InspectionDetail, rows: CellValue[][], preparedBy: string, generatedAt: Date): ReportTable {
  const doc: TableDocument = {
    sheetName: 'Kết quả kiểm tra',
    formCode: 'Biên bản kiểm tra việc giải quyết TTHC',
    title: 'Kết quả kiểm tra việc giải quyết thủ tục hành chính theo mẫu chọn ngẫu nhiên',
    reportingUnit: inspection.agency.name,
    period: { from: inspection.from, to: inspection.to },
    unit: 'Hồ sơ',
    columns: INSPECTION_COLUMNS,
    frozenColumns: 2,
    info: inspectionInfo(inspection, preparedBy),
    generatedAt,
  };
  return {
    doc,
    basename: `bien-ban-kiem-tra-${inspection.id.slice(0, 8)}`,
    rows: fromArray(rows.map((values) => ({ values }))),
    expectedRows: rows.length,
  };
}

/** The report as XLSX, CSV (UTF-8 with BOM) or a landscape A4 PDF, in the request (a sample is at most 1 000 rows). */
export function inspectionFile(
  inspection: InspectionDetail,
  rows: CellValue[][],
  preparedBy: string,
  generatedAt: Date,
  format: FileFormat,
): Promise<ReportFile> {
  return renderReportFile(inspectionTable(inspection, rows, preparedBy, generatedAt), format);
}
