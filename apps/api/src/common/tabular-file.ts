import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';

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
