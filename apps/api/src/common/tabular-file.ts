import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { Writable } from 'node:stream';

/** Table exports for people (auditors, leaders): spreadsheet or CSV. */
export const TABULAR_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof TABULAR_FORMATS)[number];

export interface TabularFile {
  format: ExportFormat;
  filename: string;
  contentType: string;
  body: Buffer;
  /** SHA-256 of the data rows (header included), recorded in the audit trail. */
  sha256: string;
  rows: number;
}

const UTF8_BOM = '\uFEFF';

/** A cell Excel would run as a formula (=, +, -, @, tab, CR) is prefixed with an apostrophe. */
function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvCell(value: string): string {
  const safe = safeCell(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function dataHash(header: readonly string[], rows: readonly string[][]): string {
  const hash = createHash('sha256');
  for (const row of [header, ...rows]) hash.update(JSON.stringify(row)).update('\n');
  return hash.digest('hex');
}

/**
 * CSV (UTF-8 with BOM, so Excel shows Vietnamese correctly) or XLSX (data sheet plus an
 * "Thông tin" sheet with the filters, generation time and data hash — DOMAIN §9).
 */
export async function tabularFile(
  format: ExportFormat,
  basename: string,
  sheetName: string,
  header: readonly string[],
  rows: readonly string[][],
  info: Record<string, string>,
): Promise<TabularFile> {
  const sha256 = dataHash(header, rows);
  const stamp = new Date().toISOString().slice(0, 10);
  if (format === 'xlsx') {
    const workbook = new ExcelJS.Workbook();
    workbook.created = new Date();
    const sheet = workbook.addWorksheet(sheetName);
    sheet.addRow([...header]).font = { bold: true };
    for (const row of rows) sheet.addRow(row.map(safeCell));
    sheet.columns.forEach((column) => (column.width = 24));
    const meta = workbook.addWorksheet('Thông tin');
    for (const [key, value] of Object.entries({ ...info, 'SHA-256 dữ liệu': sha256 })) meta.addRow([key, value]);
    meta.getColumn(1).width = 24;
    meta.getColumn(2).width = 70;
    const body = Buffer.from(await workbook.xlsx.writeBuffer());
    return {
      format,
      filename: `${basename}-${stamp}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body,
      sha256,
      rows: rows.length,
    };
  }
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return {
    format,
    filename: `${basename}-${stamp}.csv`,
    contentType: 'text/csv; charset=utf-8',
    body: Buffer.from(UTF8_BOM + lines.join('\r\n') + '\r\n', 'utf8'),
    sha256,
    rows: rows.length,
  };
}

// ---------------------------------------------------------------------------------------------
// Official-form tables (reports, DOMAIN §9): typed cells, the form's header block, a grouped
// multi-row header, frozen panes and a footer with filters, time and the data rows' SHA-256.
// Rows arrive as an async iterable and are written as they come, so a 100 000-row list never
// sits in memory (exceljs's streaming WorkbookWriter; CSV line by line).
// ---------------------------------------------------------------------------------------------

export type CellValue = string | number | Date | null;

export interface TableColumn {
  /** Full heading: the CSV header and the heading of an ungrouped column. */
  title: string;
  /** Heading under its group in the multi-row header (defaults to the title). */
  sub?: string;
  /** Consecutive columns with the same group share one merged heading cell above their own. */
  group?: string;
  type: 'text' | 'integer' | 'decimal' | 'datetime';
  /** Width in characters. */
  width?: number;
}

export interface TableRow {
  values: CellValue[];
  /** A total line (bold). */
  total?: boolean;
}

/** What the official header and footer blocks say about a table. */
export interface TableDocument {
  /** Worksheet name (≤ 31 characters). */
  sheetName: string;
  /** Form identification, e.g. "Biểu số II.06a/VPCP/KSTT". */
  formCode: string;
  /** Legal basis printed under the form code. */
  legalBasis?: string;
  title: string;
  /** The reporting unit (đơn vị báo cáo): the agency the report covers. */
  reportingUnit: string;
  /** Local dates, YYYY-MM-DD. */
  period: { from: string; to: string };
  /** Unit of count, e.g. "Số hồ sơ". */
  unit: string;
  columns: TableColumn[];
  /** Name columns kept in view when scrolling right. */
  frozenColumns: number;
  /** Filters, data source, prepared by…: printed in the footer and the "Thông tin" sheet. */
  info: Array<[string, string]>;
  generatedAt: Date;
}

export interface TableWriteResult {
  rowCount: number;
  sha256: string;
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

const LOCAL_OFFSET_MS = 7 * 3_600_000; // Asia/Ho_Chi_Minh, no daylight saving

/** `YYYY-MM-DD` → `dd/MM/yyyy`. */
export function viDate(isoDate: string): string {
  return `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;
}

/** An instant as local `dd/MM/yyyy HH:mm`. */
export function viDateTimeOf(t: Date): string {
  const iso = new Date(t.getTime() + LOCAL_OFFSET_MS).toISOString();
  return `${viDate(iso.slice(0, 10))} ${iso.slice(11, 16)}`;
}

function localIso(t: Date): string {
  return new Date(t.getTime() + LOCAL_OFFSET_MS).toISOString().replace('Z', '+07:00');
}

/**
 * SHA-256 of the data rows, the same for XLSX, CSV and PDF of one export: the UTF-8 of
 * `JSON.stringify(row) + "\n"` for each data row (total lines included, header and footer not),
 * with an instant written as local ISO 8601 (`2026-03-02T09:00:00.000+07:00`), a number as a
 * JSON number and an empty cell as null. An auditor can recompute it from the XLSX's data rows
 * (a text Excel would run as a formula, starting with = + - @, is written there behind an apostrophe;
 * the hash covers the text itself).
 */
export class RowHasher {
  private readonly hash = createHash('sha256');
  rows = 0;

  add(values: readonly CellValue[]): void {
    this.hash.update(JSON.stringify(values.map((v) => (v instanceof Date ? localIso(v) : v))) + '\n');
    this.rows++;
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

/** The table's header rows: group headings over their columns, ungrouped headings spanning both rows. */
export function headerRows(columns: readonly TableColumn[]): {
  rows: [string[], string[]];
  merges: Array<{ row: number; col: number; rowSpan: number; colSpan: number }>;
  grouped: boolean;
} {
  const grouped = columns.some((c) => c.group);
  const top: string[] = [];
  const bottom: string[] = [];
  const merges: Array<{ row: number; col: number; rowSpan: number; colSpan: number }> = [];
  for (let i = 0; i < columns.length;) {
    const group = columns[i].group;
    if (!group) {
      top.push(columns[i].title);
      bottom.push('');
      if (grouped) merges.push({ row: 0, col: i, rowSpan: 2, colSpan: 1 });
      i++;
      continue;
    }
    let j = i;
    while (j < columns.length && columns[j].group === group) {
      top.push(j === i ? group : '');
      bottom.push(columns[j].sub ?? columns[j].title);
      j++;
    }
    if (j - i > 1) merges.push({ row: 0, col: i, rowSpan: 1, colSpan: j - i });
    i = j;
  }
  return { rows: [top, bottom], merges, grouped };
}

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const NUMBER_FORMATS: Record<TableColumn['type'], string | undefined> = {
  text: undefined,
  integer: '#,##0',
  decimal: '#,##0.00',
  datetime: 'dd/mm/yyyy hh:mm',
};

/** An instant as an Excel date: Excel has no time zones, so the cell holds the local wall-clock time. */
function excelDate(t: Date): Date {
  return new Date(t.getTime() + LOCAL_OFFSET_MS);
}

/** Waits while the destination is behind; fails (never hangs) once it has failed. */
async function waitForDrain(out: Writable): Promise<void> {
  if (out.destroyed) throw out.errored ?? new Error('The export destination closed');
  if (out.writableNeedDrain) await once(out, 'drain'); // rejects on 'error'
}

/** Uncompressed sheet XML allowed to wait for the compressor. */
const ZIP_BACKLOG_BYTES = 1 << 20;

/**
 * exceljs's streaming writer pushes a sheet's XML into the zip without heeding back-pressure (its
 * StreamBuf ignores write()'s answer), so a writer faster than deflate would pile the whole sheet up
 * in memory. Wait while the zip's input for this sheet holds more than `limit` bytes.
 */
async function zipInputBelow(sheet: ExcelJS.Worksheet, out: Writable, limit: number): Promise<void> {
  type Pipe = { writableLength?: number; _writableState?: { length: number } };
  const stream = (sheet as unknown as { stream?: { pipes?: Pipe[]; buffers?: Array<{ length: number }> } }).stream;
  // Before the zip reaches this sheet's entry the XML waits in the StreamBuf itself; after, in the zip's input.
  const pending = () =>
    (stream?.buffers ?? []).reduce((n, b) => n + b.length, 0) +
    (stream?.pipes ?? []).reduce((n, p) => n + (p.writableLength ?? p._writableState?.length ?? 0), 0);
  while (pending() > limit) {
    if (out.destroyed) throw out.errored ?? new Error('The export destination closed');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** How many rows the XLSX header block takes above the column headings. */
export const XLSX_TITLE_ROWS = 5;

/**
 * The table as an XLSX streamed into `out`: rows 1–5 the official header block (reporting unit,
 * form, title, period, unit of count), then the column headings (two rows when grouped) and a row
 * of column numbers, frozen below them and after the name columns; then the data; then the
 * footer. A second sheet "Thông tin" repeats the footer as key/value pairs.
 */
export async function writeTableXlsx(doc: TableDocument, rows: AsyncIterable<TableRow>, out: Writable): Promise<TableWriteResult> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Một Cửa';
  workbook.created = doc.generatedAt;
  const width = doc.columns.length;
  const header = headerRows(doc.columns);
  const headingRows = header.grouped ? 2 : 1;
  const firstHeading = XLSX_TITLE_ROWS + 1;
  const lastHeaderRow = firstHeading + headingRows; // the column-number row
  const sheet = workbook.addWorksheet(doc.sheetName, {
    views: [{ state: 'frozen', xSplit: doc.frozenColumns, ySplit: lastHeaderRow, showGridLines: true }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${firstHeading}:${lastHeaderRow}`,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
  });
  sheet.columns = doc.columns.map((c) => ({ width: c.width ?? (c.type === 'text' ? 24 : 12) }));
  const last = columnLetter(width - 1);
  const span = (row: number, text: string, font: Partial<ExcelJS.Font>, horizontal: 'left' | 'center' | 'right') => {
    const r = sheet.getRow(row);
    r.getCell(1).value = text;
    r.getCell(1).font = font;
    r.getCell(1).alignment = { horizontal, vertical: 'middle', wrapText: true };
    sheet.mergeCells(`A${row}:${last}${row}`);
  };
  span(1, `Đơn vị báo cáo: ${doc.reportingUnit}`, { bold: true }, 'left');
  span(2, [doc.formCode, doc.legalBasis].filter(Boolean).join(' — '), { italic: true, size: 9 }, 'left');
  span(3, doc.title.toUpperCase(), { bold: true, size: 13 }, 'center');
  sheet.getRow(3).height = 34;
  span(4, `Kỳ báo cáo: từ ngày ${viDate(doc.period.from)} đến ngày ${viDate(doc.period.to)}`, { italic: true }, 'center');
  span(5, `Đơn vị tính: ${doc.unit}`, { italic: true }, 'right');

  const headingStyle = (cell: ExcelJS.Cell) => {
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  };
  header.rows.slice(0, headingRows).forEach((values, i) => {
    const row = sheet.getRow(firstHeading + i);
    values.forEach((value, c) => {
      const cell = row.getCell(c + 1);
      cell.value = value || null;
      headingStyle(cell);
    });
    row.height = 32;
  });
  if (header.grouped) {
    for (const m of header.merges) {
      sheet.mergeCells(firstHeading + m.row, m.col + 1, firstHeading + m.row + m.rowSpan - 1, m.col + m.colSpan);
    }
  }
  const numbers = sheet.getRow(lastHeaderRow);
  doc.columns.forEach((_, c) => {
    const cell = numbers.getCell(c + 1);
    cell.value = `(${c + 1})`;
    cell.font = { italic: true, size: 9 };
    cell.alignment = { horizontal: 'center' };
    cell.border = BORDER;
  });
  for (let r = 1; r <= lastHeaderRow; r++) sheet.getRow(r).commit();

  // One style object per column, shared by its cells: exceljs then finds the style id in a WeakMap
  // instead of serialising a new style for every cell (that was most of the garbage of a long sheet).
  const dataStyles: Array<Partial<ExcelJS.Style>> = doc.columns.map((c) => ({
    border: BORDER,
    ...(NUMBER_FORMATS[c.type] ? { numFmt: NUMBER_FORMATS[c.type] } : {}),
  }));
  const totalStyles = dataStyles.map((style) => ({ ...style, font: { bold: true } }));
  const hasher = new RowHasher();
  let rowNumber = lastHeaderRow;
  for await (const row of rows) {
    hasher.add(row.values);
    const r = sheet.getRow(++rowNumber);
    const styles = row.total ? totalStyles : dataStyles;
    row.values.forEach((value, c) => {
      const cell = r.getCell(c + 1);
      cell.value = value instanceof Date ? excelDate(value) : typeof value === 'string' ? safeCell(value) : value;
      cell.style = styles[c];
    });
    r.commit();
    if (rowNumber % 500 === 0) {
      await zipInputBelow(sheet, out, ZIP_BACKLOG_BYTES);
      await waitForDrain(out);
    }
  }
  const sha256 = hasher.digest();
  const footer = footerLines(doc, hasher.rows, sha256);
  rowNumber++;
  for (const [key, value] of footer) {
    const r = sheet.getRow(++rowNumber);
    r.getCell(1).value = `${key}: ${value}`;
    r.getCell(1).font = { italic: true, size: 9 };
    sheet.mergeCells(`A${rowNumber}:${last}${rowNumber}`);
    r.commit();
  }
  sheet.commit();
  const meta = workbook.addWorksheet('Thông tin');
  meta.columns = [{ width: 26 }, { width: 90 }];
  for (const [key, value] of footer) meta.addRow([key, value]).commit();
  meta.commit();
  await workbook.commit();
  return { rowCount: hasher.rows, sha256 };
}

/** The footer every export carries (DOMAIN §9): period, filters, source, time, row count, hash. */
export function footerLines(doc: TableDocument, rowCount: number, sha256: string): Array<[string, string]> {
  return [
    ['Biểu mẫu', `${doc.formCode} — ${doc.title}`],
    ['Đơn vị báo cáo', doc.reportingUnit],
    ['Kỳ báo cáo', `${doc.period.from} → ${doc.period.to}`],
    ...doc.info,
    ['Thời điểm lập', `${viDateTimeOf(doc.generatedAt)} (giờ Việt Nam; ${doc.generatedAt.toISOString()})`],
    ['Số dòng dữ liệu', String(rowCount)],
    ['SHA-256 dữ liệu', sha256],
  ];
}

function csvValue(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  // Local "YYYY-MM-DD HH:mm:ss": Excel reads it as a date whatever its locale.
  if (value instanceof Date) return localIso(value).slice(0, 19).replace('T', ' ');
  return csvCell(value);
}

/**
 * The table as CSV (UTF-8 with BOM so Excel shows Vietnamese): one heading line, the data lines,
 * then after an empty line the footer as "key,value" lines. Numbers are plain (dot decimal),
 * instants local "YYYY-MM-DD HH:mm:ss".
 */
export async function writeTableCsv(doc: TableDocument, rows: AsyncIterable<TableRow>, out: Writable): Promise<TableWriteResult> {
  const write = async (text: string) => {
    if (!out.write(text)) await waitForDrain(out);
  };
  await write(UTF8_BOM + doc.columns.map((c) => csvCell(c.title)).join(',') + '\r\n');
  const hasher = new RowHasher();
  let batch = '';
  for await (const row of rows) {
    hasher.add(row.values);
    batch += row.values.map(csvValue).join(',') + '\r\n';
    if (batch.length > 64_000) {
      await write(batch);
      batch = '';
    }
  }
  const sha256 = hasher.digest();
  batch +=
    '\r\n' +
    footerLines(doc, hasher.rows, sha256)
      .map(([k, v]) => `${csvCell(k)},${csvCell(v)}`)
      .join('\r\n') +
    '\r\n';
  await write(batch);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return { rowCount: hasher.rows, sha256 };
}

/** Collects what a writer produces, for files small enough to answer in the request. */
export class BufferSink extends Writable {
  private readonly parts: Buffer[] = [];

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.parts.push(chunk);
    callback();
  }

  get body(): Buffer {
    return Buffer.concat(this.parts);
  }
}

/** An async iterable over rows already in memory. */
export async function* fromArray<T>(items: readonly T[]): AsyncIterable<T> {
  for (const item of items) yield item;
}
