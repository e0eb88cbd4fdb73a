import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Writable } from 'node:stream';
import {
  BufferSink,
  CSV_CONTENT_TYPE,
  footerLines,
  fromArray,
  headerRows,
  RowHasher,
  viDate,
  viDateTimeOf,
  writeTableCsv,
  writeTableXlsx,
  XLSX_CONTENT_TYPE,
  type CellValue,
  type TableColumn,
  type TableDocument,
  type TableRow,
  type TableWriteResult,
} from '../../common/tabular-file';
import { renderPdf } from '../dossiers/forms/pdf-renderer';
import { RATING_FACTORS } from './dossier-rating.entity';
import { II06A_CELL_NAMES, II06A_HEADINGS_VI, type Ii06aCell } from './ii06a';
import { INDICATOR_766_NAMES, INDICATORS_766 } from './indicators-766';
import type {
  Ii06aCounters,
  Ii06aReport,
  IndicatorRow,
  IndicatorsReport,
  ProcedureReport,
  SatisfactionReport,
  SatisfactionRow,
  SourcedReport,
} from './reports.dto';

export const FILE_FORMATS = ['xlsx', 'csv', 'pdf'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

export const PDF_CONTENT_TYPE = 'application/pdf';
export const CONTENT_TYPES: Record<FileFormat, string> = { xlsx: XLSX_CONTENT_TYPE, csv: CSV_CONTENT_TYPE, pdf: PDF_CONTENT_TYPE };

/**
 * A PDF is laid out in memory by pdfmake (several kB per row), so long dossier lists go to XLSX or
 * CSV instead; the export fails with this message rather than exhausting the process.
 */
export const PDF_MAX_ROWS = 3000;
export const PDF_TOO_LONG = `Tệp PDF chỉ chứa tối đa ${PDF_MAX_ROWS.toLocaleString('vi-VN')} dòng; hãy xuất XLSX hoặc CSV cho danh sách dài hơn.`;

export class ExportRejected extends Error {}

/** Who the file is for and by whom: printed in the official header and footer. */
export interface ReportFileContext {
  /** Name of the agency the report covers. */
  reportingUnit: string;
  preparedBy: string;
  generatedAt?: Date;
}

/** A report laid out as an official table: the document (headings, header and footer blocks) and its rows. */
export interface ReportTable {
  doc: TableDocument;
  basename: string;
  rows: AsyncIterable<TableRow>;
  /** Data rows to expect (for progress), when known beforehand. */
  expectedRows?: number;
}

const II06A_FORM = 'Biểu số II.06a/VPCP/KSTT';
const II06A_BASIS = 'Ban hành kèm theo Thông tư số 01/2020/TT-VPCP';
const II06A_TITLE = 'Tình hình, kết quả giải quyết thủ tục hành chính tại cơ quan, đơn vị trực tiếp giải quyết thủ tục hành chính';

const RECEIVED = 'Số hồ sơ nhận giải quyết';
const RESOLVED = 'Số hồ sơ đã giải quyết';
const IN_PROCESS = 'Số hồ sơ đang giải quyết';

/** II.06a's counters as the printed form groups them. */
const II06A_LAYOUT: Record<Ii06aCell, { group?: string; sub?: string }> = {
  receivedTotal: { group: RECEIVED, sub: 'Tổng số' },
  receivedOnline: { group: RECEIVED, sub: 'Trực tuyến' },
  receivedDirect: { group: RECEIVED, sub: 'Trực tiếp, bưu chính' },
  carriedOver: { group: RECEIVED, sub: 'Kỳ trước chuyển qua' },
  resolvedTotal: { group: RESOLVED, sub: 'Tổng số' },
  resolvedEarly: { group: RESOLVED, sub: 'Trước hạn' },
  resolvedOnTime: { group: RESOLVED, sub: 'Đúng hạn' },
  resolvedLate: { group: RESOLVED, sub: 'Quá hạn' },
  inProcessTotal: { group: IN_PROCESS, sub: 'Tổng số' },
  inProcessWithin: { group: IN_PROCESS, sub: 'Trong hạn' },
  inProcessOverdue: { group: IN_PROCESS, sub: 'Quá hạn' },
  withdrawnOrStopped: {},
};

const II06A_COLUMNS: TableColumn[] = II06A_CELL_NAMES.map((cell) => ({
  title: II06A_HEADINGS_VI[cell],
  ...II06A_LAYOUT[cell],
  type: 'integer',
  width: cell === 'withdrawnOrStopped' ? 13 : 11,
}));

const counters = (c: Ii06aCounters): number[] => II06A_CELL_NAMES.map((cell) => c[cell]);

/** The filters as `key=value` pairs, the way the API takes them back (reproducible). */
export function describeFilters(filters: Record<string, unknown>): string {
  const text = Object.entries(filters)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${k}=${String(v)}`)
    .join('; ');
  return text || 'không';
}

function sourceInfo(report: SourcedReport): Array<[string, string]> {
  const lines: Array<[string, string]> = [];
  if (report.snapshot) {
    lines.push(['Nguồn số liệu', `Số liệu đã khóa sổ tháng ${report.snapshot.month} (${report.snapshot.closedAt})`]);
    lines.push(['SHA-256 kỳ khóa sổ', report.snapshot.sha256]);
  } else {
    lines.push(['Nguồn số liệu', 'Số liệu trực tiếp']);
  }
  if (report.carriedOverFrom) {
    lines.push(['Kỳ trước chuyển qua', `Theo số liệu khóa sổ tháng ${report.carriedOverFrom.month} (${report.carriedOverFrom.sha256})`]);
  }
  return lines;
}

function documentOf(
  ctx: ReportFileContext,
  period: { from: string; to: string },
  parts: Pick<TableDocument, 'sheetName' | 'formCode' | 'legalBasis' | 'title' | 'unit' | 'columns' | 'frozenColumns'>,
  info: Array<[string, string]>,
): TableDocument {
  return {
    ...parts,
    reportingUnit: ctx.reportingUnit,
    period,
    info: [...info, ['Người lập', ctx.preparedBy]],
    generatedAt: ctx.generatedAt ?? new Date(),
  };
}

export function ii06aTable(report: Ii06aReport, ctx: ReportFileContext): ReportTable {
  const rows: TableRow[] = [
    ...report.rows.map((r) => ({ values: [r.agencyCode, r.agencyName, ...counters(r)] })),
    { values: ['', 'Tổng cộng', ...counters(report.total)], total: true },
  ];
  return {
    basename: `bao-cao-ii06a-${report.from}-${report.to}`,
    expectedRows: rows.length,
    rows: fromArray(rows),
    doc: documentOf(
      ctx,
      report,
      {
        sheetName: 'II.06a',
        formCode: II06A_FORM,
        legalBasis: II06A_BASIS,
        title: II06A_TITLE,
        unit: 'Số hồ sơ',
        columns: [{ title: 'Mã cơ quan', type: 'text', width: 16 }, { title: 'Cơ quan', type: 'text', width: 36 }, ...II06A_COLUMNS],
        frozenColumns: 2,
      },
      [['Bộ lọc', describeFilters(report.filters)], ...sourceInfo(report), ['SHA-256 báo cáo (JSON)', report.sha256]],
    ),
  };
}

export function procedureTable(report: ProcedureReport, ctx: ReportFileContext): ReportTable {
  const rows: TableRow[] = [
    ...report.rows.map((r) => ({ values: [r.procedureCode, r.procedureName, r.field, ...counters(r)] })),
    { values: ['', 'Tổng cộng', '', ...counters(report.total)], total: true },
  ];
  return {
    basename: `bao-cao-theo-thu-tuc-${report.from}-${report.to}`,
    expectedRows: rows.length,
    rows: fromArray(rows),
    doc: documentOf(
      ctx,
      report,
      {
        sheetName: 'Theo thủ tục',
        formCode: `${II06A_FORM} (chi tiết theo thủ tục hành chính)`,
        legalBasis: II06A_BASIS,
        title: 'Tình hình, kết quả giải quyết thủ tục hành chính theo từng thủ tục',
        unit: 'Số hồ sơ',
        columns: [
          { title: 'Mã thủ tục', type: 'text', width: 13 },
          { title: 'Tên thủ tục', type: 'text', width: 48 },
          { title: 'Lĩnh vực', type: 'text', width: 22 },
          ...II06A_COLUMNS,
        ],
        frozenColumns: 2,
      },
      [['Bộ lọc', describeFilters(report.filters)], ...sourceInfo(report)],
    ),
  };
}

function indicatorValues(row: IndicatorRow): CellValue[] {
  return [
    row.agencyCode,
    row.agencyName,
    ...INDICATOR_766_NAMES.flatMap((name) => {
      const v = row.indicators[name];
      return [v.numerator, v.denominator, v.rate, v.target, v.score];
    }),
    row.score,
    row.maxScore,
  ];
}

export function indicatorsTable(report: IndicatorsReport, ctx: ReportFileContext): ReportTable {
  const rows: TableRow[] = [
    ...report.rows.map((r) => ({ values: indicatorValues(r) })),
    { values: indicatorValues(report.total), total: true },
  ];
  const columns: TableColumn[] = [
    { title: 'Mã cơ quan', type: 'text', width: 16 },
    { title: 'Cơ quan', type: 'text', width: 32 },
    ...INDICATOR_766_NAMES.flatMap((name): TableColumn[] => {
      const { id, name: label, pmax } = INDICATORS_766[name];
      const group = `${id}. ${label}`;
      return [
        { title: `${group} — Tử số`, group, sub: 'Tử số', type: 'integer', width: 9 },
        { title: `${group} — Mẫu số`, group, sub: 'Mẫu số', type: 'integer', width: 9 },
        { title: `${group} — Tỷ lệ (%)`, group, sub: 'Tỷ lệ (%)', type: 'decimal', width: 9 },
        { title: `${group} — Chỉ tiêu (%)`, group, sub: 'Chỉ tiêu (%)', type: 'decimal', width: 9 },
        { title: `${group} — Điểm (tối đa ${pmax})`, group, sub: `Điểm (tối đa ${pmax})`, type: 'decimal', width: 9 },
      ];
    }),
    { title: 'Tổng điểm', type: 'decimal', width: 10 },
    { title: 'Điểm tối đa', type: 'decimal', width: 10 },
  ];
  return {
    basename: `chi-so-766-${report.from}-${report.to}`,
    expectedRows: rows.length,
    rows: fromArray(rows),
    doc: documentOf(
      ctx,
      report,
      {
        sheetName: 'Chỉ số 766',
        formCode: 'Bộ chỉ số theo Quyết định số 766/QĐ-TTg',
        legalBasis: 'Chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp',
        title: 'Kết quả các chỉ số phục vụ người dân, doanh nghiệp tính từ dữ liệu của hệ thống',
        unit: 'Số hồ sơ; tỷ lệ %; điểm',
        columns,
        frozenColumns: 2,
      },
      [['Bộ lọc', describeFilters(report.filters)], ...report.notes.map((note): [string, string] => ['Ghi chú', note])],
    ),
  };
}

const FACTOR_LABELS: Record<(typeof RATING_FACTORS)[number], string> = {
  access: 'Tiếp cận dịch vụ',
  procedure: 'Thủ tục hành chính',
  officer: 'Công chức giải quyết',
  result: 'Kết quả giải quyết',
  feedback: 'Tiếp nhận, xử lý góp ý',
};

function satisfactionValues(row: SatisfactionRow): CellValue[] {
  return [row.agencyName, row.ratings, ...RATING_FACTORS.map((f) => row.factors[f]), row.index, row.onTimeRate];
}

export function satisfactionTable(report: SatisfactionReport & { filters: Record<string, unknown> }, ctx: ReportFileContext): ReportTable {
  const rows: TableRow[] = [
    ...report.rows.map((r) => ({ values: satisfactionValues(r) })),
    { values: satisfactionValues(report.total), total: true },
  ];
  const group = 'Chỉ số hài lòng theo yếu tố (%)';
  return {
    basename: `hai-long-va-dung-han-${report.from}-${report.to}`,
    expectedRows: rows.length,
    rows: fromArray(rows),
    doc: documentOf(
      ctx,
      report,
      {
        sheetName: 'Hài lòng',
        formCode: 'Mức độ hài lòng và tỷ lệ đúng hạn',
        title: 'Chỉ số hài lòng của người dân, tổ chức so với tỷ lệ giải quyết đúng hạn',
        unit: 'Phiếu; %',
        columns: [
          { title: 'Cơ quan', type: 'text', width: 36 },
          { title: 'Số phiếu đánh giá', type: 'integer', width: 11 },
          ...RATING_FACTORS.map((f): TableColumn => ({
            title: `Hài lòng — ${FACTOR_LABELS[f]} (%)`,
            group,
            sub: FACTOR_LABELS[f],
            type: 'decimal',
            width: 12,
          })),
          { title: 'Chỉ số hài lòng chung (%)', type: 'decimal', width: 12 },
          { title: 'Tỷ lệ đúng hạn của các hồ sơ được đánh giá (%)', type: 'decimal', width: 14 },
        ],
        frozenColumns: 1,
      },
      [
        ['Bộ lọc', describeFilters(report.filters)],
        ['Ghi chú', 'Chỉ số hài lòng do hệ thống tính (tỷ lệ câu trả lời 4–5), không phải chỉ số SIPAS chính thức.'],
      ],
    ),
  };
}

/** One dossier line as the tracking book (Form 07) and the drill-down lists show it. */
export interface DossierLineValues {
  code: string;
  procedureCode: string;
  procedureName: string;
  applicantName: string;
  receivingAgencyName: string;
  competentAgencyName: string;
  channel: string;
  receivedAt: Date | null;
  dueAt: Date | null;
  finishedAt: Date | null;
  returnedAt: Date | null;
  statusLabel: string;
  timelinessLabel: string;
}

const TIME = 'Thời gian';
export const DOSSIER_LINE_COLUMNS: TableColumn[] = [
  { title: 'STT', type: 'integer', width: 7 },
  { title: 'Mã hồ sơ', type: 'text', width: 27 },
  { title: 'Mã thủ tục', type: 'text', width: 11 },
  { title: 'Tên thủ tục hành chính', type: 'text', width: 42 },
  { title: 'Tổ chức, cá nhân', type: 'text', width: 22 },
  { title: 'Nơi tiếp nhận', type: 'text', width: 26 },
  { title: 'Cơ quan chủ trì giải quyết', type: 'text', width: 26 },
  { title: 'Kênh nộp', type: 'text', width: 11 },
  { title: 'Nhận hồ sơ', group: TIME, type: 'datetime', width: 16 },
  { title: 'Hẹn trả kết quả', group: TIME, type: 'datetime', width: 16 },
  { title: 'Có kết quả / kết thúc', group: TIME, type: 'datetime', width: 16 },
  { title: 'Trả kết quả', group: TIME, type: 'datetime', width: 16 },
  { title: 'Trạng thái', type: 'text', width: 24 },
  { title: 'Tiến độ', type: 'text', width: 16 },
];

export function dossierLineRow(n: number, line: DossierLineValues): TableRow {
  return {
    values: [
      n,
      line.code,
      line.procedureCode,
      line.procedureName,
      line.applicantName,
      line.receivingAgencyName,
      line.competentAgencyName,
      line.channel,
      line.receivedAt,
      line.dueAt,
      line.finishedAt,
      line.returnedAt,
      line.statusLabel,
      line.timelinessLabel,
    ],
  };
}

/** The tracking book (Form 07) or one II.06a number's dossiers, as a table whose rows stream in. */
export function dossierListTable(
  kind: 'tracking-book' | 'ii06a-dossiers',
  period: { from: string; to: string },
  filters: Record<string, unknown>,
  ctx: ReportFileContext,
  rows: AsyncIterable<TableRow>,
  expectedRows: number,
  heading?: string,
): ReportTable {
  const book = kind === 'tracking-book';
  return {
    basename: book ? `so-theo-doi-ho-so-${period.from}-${period.to}` : `danh-sach-ho-so-ii06a-${period.from}-${period.to}`,
    expectedRows,
    rows,
    doc: documentOf(
      ctx,
      period,
      {
        sheetName: book ? 'Sổ theo dõi' : 'Danh sách hồ sơ',
        formCode: book ? 'Mẫu số 07 — Sổ theo dõi hồ sơ' : `${II06A_FORM} — danh sách hồ sơ của một chỉ tiêu`,
        legalBasis: book ? 'Ban hành kèm theo Thông tư số 01/2018/TT-VPCP' : II06A_BASIS,
        title: book ? 'Sổ theo dõi hồ sơ' : `Danh sách hồ sơ: ${heading ?? ''}`,
        unit: 'Hồ sơ',
        columns: DOSSIER_LINE_COLUMNS,
        frozenColumns: 2,
      },
      [
        ['Bộ lọc', describeFilters(filters)],
        ['Người nộp', 'Tên cá nhân được che (họ và chữ cái đầu của tên) theo quy định bảo vệ dữ liệu cá nhân'],
        ['Tiến độ', 'Hồ sơ đã kết thúc: so với hạn giải quyết; hồ sơ đang giải quyết: tại thời điểm lập'],
      ],
    ),
  };
}

function pdfCell(value: CellValue, column: TableColumn, total: boolean): TableCell {
  let text: string;
  if (value === null) text = '';
  else if (value instanceof Date) text = viDateTimeOf(value);
  else if (typeof value === 'number') text = column.type === 'integer' ? value.toLocaleString('vi-VN') : value.toFixed(2);
  else text = value;
  return { text, bold: total, alignment: column.type === 'text' ? 'left' : 'right' };
}

/**
 * The table as a landscape A4 PDF with the official header block: reporting unit and form code,
 * the title, period and unit of count; the grouped column headings repeated on every page; then
 * the footer with filters, time and the rows' SHA-256. Vietnamese glyphs from the embedded Roboto.
 */
export async function writeTablePdf(doc: TableDocument, rows: AsyncIterable<TableRow>, out: Writable): Promise<TableWriteResult> {
  const hasher = new RowHasher();
  const body: TableCell[][] = [];
  for await (const row of rows) {
    if (hasher.rows >= PDF_MAX_ROWS) throw new ExportRejected(PDF_TOO_LONG);
    hasher.add(row.values);
    body.push(row.values.map((v, c) => pdfCell(v, doc.columns[c], Boolean(row.total))));
  }
  const sha256 = hasher.digest();
  const header = headerRows(doc.columns);
  const headingRows = header.grouped ? 2 : 1;
  const headings: TableCell[][] = header.rows
    .slice(0, headingRows)
    .map((values) => values.map((text): TableCell => ({ text, bold: true, alignment: 'center', fillColor: '#E8EEF7' })));
  for (const m of header.merges) {
    if (!header.grouped) break;
    const cell = headings[m.row][m.col] as Record<string, unknown>;
    if (m.rowSpan > 1) cell['rowSpan'] = m.rowSpan;
    if (m.colSpan > 1) cell['colSpan'] = m.colSpan;
  }
  const numbers: TableCell[] = doc.columns.map((_, c) => ({ text: `(${c + 1})`, italics: true, alignment: 'center', fontSize: 6 }));
  // Column widths in proportion to the spreadsheet's, scaled to the printable width.
  const printable = 842 - 2 * 24;
  const weights = doc.columns.map((c) => c.width ?? (c.type === 'text' ? 24 : 12));
  const scale = printable / weights.reduce((a, b) => a + b, 0);
  const fontSize = doc.columns.length > 20 ? 5.5 : doc.columns.length > 12 ? 6.5 : 7.5;
  const footer = footerLines(doc, hasher.rows, sha256);
  const content: Content[] = [
    {
      columns: [
        {
          width: '40%',
          stack: [
            { text: 'ĐƠN VỊ BÁO CÁO', fontSize: 8 },
            { text: doc.reportingUnit.toUpperCase(), bold: true, fontSize: 9 },
          ],
          alignment: 'center',
        },
        { width: '20%', text: '' },
        {
          width: '40%',
          stack: [
            { text: doc.formCode, bold: true, fontSize: 9 },
            ...(doc.legalBasis ? [{ text: doc.legalBasis, italics: true, fontSize: 8 }] : []),
          ],
          alignment: 'center',
        },
      ],
      margin: [0, 0, 0, 8],
    },
    { text: doc.title.toUpperCase(), bold: true, fontSize: 12, alignment: 'center' },
    {
      text: `Kỳ báo cáo: từ ngày ${viDate(doc.period.from)} đến ngày ${viDate(doc.period.to)}`,
      italics: true,
      alignment: 'center',
      fontSize: 9,
      margin: [0, 2, 0, 2],
    },
    { text: `Đơn vị tính: ${doc.unit}`, italics: true, alignment: 'right', fontSize: 8, margin: [0, 0, 0, 4] },
    {
      table: { headerRows: headingRows + 1, widths: weights.map((w) => Math.max(8, w * scale - 4)), body: [...headings, numbers, ...body] },
      fontSize,
    },
    { text: '', margin: [0, 6, 0, 0] },
    // Roboto has no arrow glyph: the period reads "from – to" in the PDF.
    ...footer.map(([k, v]) => ({
      text: `${k}: ${v.replace(/→/g, '–')}`,
      fontSize: 7,
      margin: [0, 1, 0, 0] as [number, number, number, number],
    })),
  ];
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [24, 28, 24, 30],
    info: { title: `${doc.formCode} ${doc.period.from} – ${doc.period.to}`, author: doc.reportingUnit, subject: doc.title },
    content,
    footer: (page, pages) => ({ text: `${doc.formCode} — Trang ${page}/${pages}`, fontSize: 7, alignment: 'center', color: '#666' }),
  };
  const pdf = await renderPdf(definition);
  await new Promise<void>((resolve, reject) => out.end(pdf, () => resolve()).once('error', reject));
  return { rowCount: hasher.rows, sha256 };
}

/** Writes a report table in a format into `out`. */
export function writeTable(format: FileFormat, table: ReportTable, out: Writable): Promise<TableWriteResult> {
  if (format === 'xlsx') return writeTableXlsx(table.doc, table.rows, out);
  if (format === 'csv') return writeTableCsv(table.doc, table.rows, out);
  return writeTablePdf(table.doc, table.rows, out);
}

/** The file name a download carries: the report, its period and the local generation date. */
export function fileNameOf(table: ReportTable, format: FileFormat): string {
  const stamp = viDateTimeOf(table.doc.generatedAt).slice(0, 10).split('/').reverse().join('');
  return `${table.basename}-lap-${stamp}.${format}`;
}

/** A file answered in the request: the report's table rendered in memory. */
export interface ReportFile {
  filename: string;
  contentType: string;
  body: Buffer;
  /** SHA-256 of the data rows (see `RowHasher`). */
  sha256: string;
  rows: number;
}

export async function renderReportFile(table: ReportTable, format: FileFormat): Promise<ReportFile> {
  const sink = new BufferSink();
  const { rowCount, sha256 } = await writeTable(format, table, sink);
  return { filename: fileNameOf(table, format), contentType: CONTENT_TYPES[format], body: sink.body, sha256, rows: rowCount };
}

/** II.06a as XLSX, CSV or PDF in the request (the same layout as the background export). */
export function ii06aFile(report: Ii06aReport, format: FileFormat, ctx: ReportFileContext): Promise<ReportFile> {
  return renderReportFile(ii06aTable(report, ctx), format);
}
