import { foldVietnamese, type ProcessingUnit } from '@motcua/domain';
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { ProblemException } from '../../common/problem/problem';
import { PROCEDURE_CODE } from './dto/procedure.dto';
import type { ProcedureLevel } from './entities/procedure.entity';

/** One row of the national procedure database export, as read from the file. */
export interface ImportRow {
  line: number;
  code: string;
  name: string;
  field: string;
  level: string;
  agencyCode: string;
  time: string;
  unit: string;
  fee: string;
  documents: string;
}

export interface ParsedRow {
  line: number;
  code: string;
  name: string;
  field: string;
  level: ProcedureLevel;
  agencyCode: string | null;
  amount: number;
  unit: ProcessingUnit;
  fee: number;
  documents: string[];
}

type Column = Exclude<keyof ImportRow, 'line'>;

/** Header labels accepted for each column (English keys and the Vietnamese labels of the export), folded. */
const HEADERS: Record<Column, string[]> = {
  code: ['code', 'ma thu tuc', 'ma tthc', 'ma'],
  name: ['name', 'ten thu tuc', 'ten tthc', 'ten'],
  field: ['field', 'linh vuc'],
  level: ['level', 'cap thuc hien', 'cap'],
  agencyCode: ['agency code', 'agencycode', 'agency_code', 'ma co quan', 'co quan thuc hien', 'ma co quan thuc hien'],
  time: ['time', 'thoi han giai quyet', 'thoi han', 'thoi gian giai quyet'],
  unit: ['unit', 'don vi thoi gian', 'don vi'],
  fee: ['fee', 'le phi', 'phi, le phi', 'phi le phi'],
  documents: ['documents', 'thanh phan ho so', 'ho so'],
};

const LEVELS: Record<string, ProcedureLevel> = {
  province: 'PROVINCE',
  tinh: 'PROVINCE',
  'cap tinh': 'PROVINCE',
  district: 'DISTRICT',
  huyen: 'DISTRICT',
  'cap huyen': 'DISTRICT',
  commune: 'COMMUNE',
  xa: 'COMMUNE',
  'cap xa': 'COMMUNE',
};

const UNITS: Record<string, ProcessingUnit> = {
  working_days: 'WORKING_DAYS',
  'ngay lam viec': 'WORKING_DAYS',
  working_hours: 'WORKING_HOURS',
  'gio lam viec': 'WORKING_HOURS',
  gio: 'WORKING_HOURS',
  calendar_days: 'CALENDAR_DAYS',
  ngay: 'CALENDAR_DAYS',
  'ngay (lich)': 'CALENDAR_DAYS',
};

export const unsupportedFile = () =>
  new ProblemException({
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    title: 'Unsupported media type',
    detail: 'Tệp nhập phải là bảng tính XLSX hoặc CSV (UTF-8).',
  });

function isZip(buffer: Buffer): boolean {
  return buffer.length > 4 && buffer.readUInt32LE(0) === 0x04034b50;
}

function looksLikeText(buffer: Buffer): boolean {
  if (buffer.includes(0)) return false;
  return !new TextDecoder('utf-8', { fatal: false }).decode(buffer.subarray(0, 4096)).includes('\uFFFD');
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return String(value.result ?? '');
    if (value instanceof Date) return value.toISOString().slice(0, 10);
  }
  return String(value).trim();
}

/** Reads the first sheet of an XLSX, or a CSV (comma or semicolon, UTF-8 with or without BOM). The type is judged from the content. */
export async function readImportFile(buffer: Buffer): Promise<ImportRow[]> {
  const workbook = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet | undefined;
  if (isZip(buffer)) {
    try {
      await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    } catch {
      throw unsupportedFile();
    }
    sheet = workbook.worksheets[0];
  } else if (looksLikeText(buffer)) {
    const text = buffer.toString('utf8').replace(/^\uFEFF/, '');
    const firstLine = text.split(/\r?\n/, 1)[0];
    const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
    sheet = await workbook.csv.read(Readable.from([text]), { parserOptions: { delimiter } });
  } else {
    throw unsupportedFile();
  }
  if (!sheet || sheet.rowCount < 1) throw unsupportedFile();

  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).map((v) => foldVietnamese(cellText(v)));
  const columnIndex = {} as Record<Column, number>;
  const missing: string[] = [];
  for (const [column, labels] of Object.entries(HEADERS) as Array<[Column, string[]]>) {
    const index = header.findIndex((h) => labels.includes(h));
    if (index < 0) missing.push(column);
    else columnIndex[column] = index;
  }
  if (missing.length) {
    throw new ProblemException({
      status: 422,
      code: 'IMPORT_HEADER_INVALID',
      title: 'Unprocessable request',
      detail: `Thiếu cột: ${missing.join(', ')}. Dòng đầu tiên phải là tiêu đề cột.`,
      errors: missing.map((column) => ({ field: `header.${column}`, rule: 'required', message: `Thiếu cột ${column}` })),
    });
  }

  const rows: ImportRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    if (line === 1) return;
    const values = row.values as ExcelJS.CellValue[];
    const get = (column: Column) => cellText(values[columnIndex[column]]);
    const parsed = {
      line,
      code: get('code'),
      name: get('name'),
      field: get('field'),
      level: get('level'),
      agencyCode: get('agencyCode'),
      time: get('time'),
      unit: get('unit'),
      fee: get('fee'),
      documents: get('documents'),
    };
    if (Object.values(parsed).some((v, i) => i > 0 && v !== '')) rows.push(parsed);
  });
  return rows;
}

/** Checks one row on its own; cross-row and database checks come after. */
export function parseRow(row: ImportRow): { parsed?: ParsedRow; reasons: string[] } {
  const reasons: string[] = [];
  if (!PROCEDURE_CODE.test(row.code)) reasons.push('Mã thủ tục trống hoặc không hợp lệ');
  if (row.name.length < 3) reasons.push('Tên thủ tục trống');
  if (!row.field) reasons.push('Lĩnh vực trống');
  const level = LEVELS[foldVietnamese(row.level)];
  if (!level) reasons.push(`Cấp thực hiện "${row.level}" không hợp lệ (tỉnh, huyện, xã)`);
  const amount = Number(row.time.replace(',', '.'));
  if (!Number.isInteger(amount) || amount < 1 || amount > 3650) reasons.push(`Thời hạn "${row.time}" phải là số nguyên từ 1 đến 3650`);
  const unitKey = foldVietnamese(row.unit);
  const unit = UNITS[unitKey] ?? UNITS[unitKey.replace(/ /g, '_')];
  if (!unit) reasons.push(`Đơn vị thời gian "${row.unit}" không hợp lệ (ngày làm việc, giờ làm việc, ngày)`);
  const feeDigits = row.fee.replace(/[^0-9]/g, '');
  if (row.fee && !/^[0-9.,\s]*(đ|vnd|d|đồng)?$/i.test(row.fee.trim())) reasons.push(`Lệ phí "${row.fee}" không phải số tiền`);
  const documents = row.documents
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean);
  if (!documents.length) reasons.push('Thành phần hồ sơ trống');
  if (reasons.length || !level || !unit) return { reasons };
  return {
    reasons,
    parsed: {
      line: row.line,
      code: row.code,
      name: row.name,
      field: row.field,
      level,
      agencyCode: row.agencyCode || null,
      amount,
      unit,
      fee: feeDigits ? Number(feeDigits) : 0,
      documents,
    },
  };
}
