import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { createHash } from 'node:crypto';
import { tabularFile, type TabularFile } from '../../common/tabular-file';
import { renderPdf } from '../dossiers/forms/pdf-renderer';
import { II06A_CELL_NAMES, II06A_HEADINGS_VI } from './ii06a';
import type { Ii06aReport } from './reports.dto';

function tableOf(report: Ii06aReport): { header: string[]; rows: string[][] } {
  const header = ['Mã cơ quan', 'Cơ quan', ...II06A_CELL_NAMES.map((cell) => II06A_HEADINGS_VI[cell])];
  const rows = [
    ...report.rows.map((r) => [r.agencyCode, r.agencyName, ...II06A_CELL_NAMES.map((cell) => String(r[cell]))]),
    ['', 'Tổng cộng', ...II06A_CELL_NAMES.map((cell) => String(report.total[cell]))],
  ];
  return { header, rows };
}

function infoOf(report: Ii06aReport): Record<string, string> {
  return {
    'Biểu mẫu': 'II.06a — Tình hình, kết quả giải quyết TTHC (Thông tư 01/2020/TT-VPCP)',
    'Kỳ báo cáo': `${report.from} → ${report.to}`,
    'Bộ lọc': Object.entries(report.filters)
      .map(([k, v]) => `${k}=${v}`)
      .join('; '),
    'Thời điểm lập': report.generatedAt,
    'SHA-256 báo cáo': report.sha256,
    ...(report.snapshot
      ? {
          'Nguồn số liệu': `Số liệu đã khóa sổ tháng ${report.snapshot.month} (${report.snapshot.closedAt})`,
          'SHA-256 kỳ khóa sổ': report.snapshot.sha256,
        }
      : { 'Nguồn số liệu': 'Số liệu trực tiếp' }),
    ...(report.carriedOverFrom
      ? { 'Kỳ trước chuyển qua': `Theo số liệu khóa sổ tháng ${report.carriedOverFrom.month} (${report.carriedOverFrom.sha256})` }
      : {}),
  };
}

/** II.06a as a spreadsheet, CSV (UTF-8 with BOM) or PDF, each carrying its period, filters, time and hash. */
export type ReportFile = Pick<TabularFile, 'filename' | 'contentType' | 'body' | 'sha256'>;

export async function ii06aFile(report: Ii06aReport, format: 'csv' | 'xlsx' | 'pdf'): Promise<ReportFile> {
  const { header, rows } = tableOf(report);
  if (format !== 'pdf') return tabularFile(format, `bao-cao-ii06a-${report.from}-${report.to}`, 'II.06a', header, rows, infoOf(report));
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [24, 30, 24, 30],
    info: { title: `Biểu II.06a ${report.from} – ${report.to}` },
    content: [
      { text: 'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH (Biểu II.06a)', bold: true, alignment: 'center', fontSize: 12 },
      { text: `Kỳ báo cáo: ${report.from} đến ${report.to}`, alignment: 'center', margin: [0, 4, 0, 8], fontSize: 10 },
      {
        table: {
          headerRows: 1,
          widths: [54, '*', ...II06A_CELL_NAMES.map(() => 42)],
          body: [header.map((h) => ({ text: h, bold: true })), ...rows],
        },
        fontSize: 7,
      },
      ...Object.entries(infoOf(report)).map(([k, v]) => ({
        text: `${k}: ${v}`,
        fontSize: 7,
        margin: [0, 2, 0, 0] as [number, number, number, number],
      })),
    ],
  };
  const body = await renderPdf(definition);
  return {
    filename: `bao-cao-ii06a-${report.from}-${report.to}.pdf`,
    contentType: 'application/pdf',
    body,
    sha256: createHash('sha256').update(JSON.stringify({ header, rows })).digest('hex'),
  };
}
