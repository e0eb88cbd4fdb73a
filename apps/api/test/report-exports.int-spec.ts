/* eslint-disable @typescript-eslint/no-explicit-any -- parsed JSON and spreadsheet cells */
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../src/config/app-config';
import { createApp } from '../src/create-app';
import { ReportExportsService } from '../src/modules/reports/exports/report-exports.service';
import { CENTER, CRIMINAL_RECORD, mandatoryDocuments } from './support/dossier-fixtures';
import { call, login } from './support/http';
import { startTestApp, TEST_ADMIN_PASSWORD, TestApp } from './support/test-app';
import { importHistory, RESULT } from './support/history';

const pdfParse: (buffer: Buffer) => Promise<{ text: string }> = require('pdf-parse/lib/pdf-parse.js');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MARCH = { from: '2026-03-01', to: '2026-03-31' };
const COUNTERS = [
  'receivedTotal',
  'receivedOnline',
  'receivedDirect',
  'carriedOver',
  'resolvedTotal',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'inProcessTotal',
  'inProcessWithin',
  'inProcessOverdue',
  'withdrawnOrStopped',
];

/** Rows of the XLSX header block and headings: 5 title rows, 2 heading rows, 1 row of column numbers. */
const FIRST_DATA_ROW = 9;

async function workbookOf(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer); // exceljs types predate Node's Buffer<ArrayBuffer>
  return workbook;
}

/** One CSV line split into its fields (quotes and doubled quotes undone). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else field += c;
  }
  return [...fields, field];
}

function rowValues(sheet: ExcelJS.Worksheet, row: number, columns: number): any[] {
  return Array.from({ length: columns }, (_, c) => {
    const value = sheet.getRow(row).getCell(c + 1).value;
    return value === undefined ? null : value;
  });
}

/**
 * Background exports through the real pg-boss worker (JOBS_ENABLED) over known dossiers imported
 * like in reports.int-spec.ts; then a second API process on the same database with jobs off, which
 * serves the first one's files and runs its own exports in-process.
 */
describe('report exports: background jobs, official XLSX/CSV/PDF, the tracking book', () => {
  let t: TestApp;
  let db: Client;
  let leader: string;
  let auditor: string;
  let documents: Array<{ name: string; kind: string; count: number }>;
  const line = (code: string, events: Array<Record<string, unknown>>, channel = 'DIRECT', fullName = 'Lâm Văn Báo Cáo') =>
    JSON.stringify({
      code,
      procedureCode: CRIMINAL_RECORD,
      receivingAgencyCode: CENTER,
      channel,
      applicant: { type: 'INDIVIDUAL', fullName, identifiers: [] },
      documents,
      events,
    });

  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'true', JOBS_ENABLED: 'true' });
    db = new Client({ connectionString: t.database.url });
    await db.connect();
    documents = await mandatoryDocuments(t.baseUrl);
    const admin = await login(t.baseUrl, 'admin', TEST_ADMIN_PASSWORD);
    [leader, auditor] = await Promise.all([login(t.baseUrl, 'lanhdao.stp'), login(t.baseUrl, 'thanhtra.tinh')]);
    const body = [
      line('000.00.22.H01-260226-0001', [
        { statusCode: 2, at: '2026-02-26T02:00:00Z' },
        ...RESULT('2026-03-02T03:00:00Z'),
        { statusCode: 10, at: '2026-03-03T03:00:00Z' },
      ]),
      line('000.00.22.H01-260302-0001', [{ statusCode: 2, at: '2026-03-02T02:00:00Z' }, ...RESULT('2026-03-30T03:00:00Z')]),
      line(
        '000.00.22.H01-260325-0001',
        [
          { statusCode: 1, at: '2026-03-25T01:00:00Z' },
          { statusCode: 2, at: '2026-03-25T02:00:00Z' },
          { statusCode: 4, at: '2026-03-25T03:00:00Z' },
        ],
        'ONLINE',
        'Trần Thị Trực Tuyến',
      ),
      line('000.00.22.H01-260302-0002', [
        { statusCode: 2, at: '2026-03-02T02:30:00Z' },
        { statusCode: 4, at: '2026-03-02T03:00:00Z' },
      ]),
      line('000.00.22.H01-260303-0001', [
        { statusCode: 2, at: '2026-03-03T02:00:00Z' },
        { statusCode: 7, at: '2026-03-04T02:00:00Z', reason: 'Công dân xin rút' },
        { statusCode: 8, at: '2026-03-04T03:00:00Z' },
      ]),
      line('000.00.22.H01-260202-0001', [
        { statusCode: 2, at: '2026-02-02T02:00:00Z' },
        ...RESULT('2026-02-05T03:00:00Z'),
        { statusCode: 10, at: '2026-02-06T03:00:00Z' },
      ]),
      line('000.00.22.H01-260401-0001', [{ statusCode: 2, at: '2026-04-01T02:00:00Z' }]),
    ].join('\n');
    await importHistory(t.baseUrl, admin, body);
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  const create = (body: Record<string, unknown>, token = leader, baseUrl = t.baseUrl) =>
    call(baseUrl, 'POST', '/api/reports/exports', { token, body });

  async function finished(id: string, token = leader, baseUrl = t.baseUrl): Promise<any> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const res = await call(baseUrl, 'GET', `/api/reports/exports/${id}`, { token });
      expect(res.status).toBe(200);
      if (res.body.status === 'DONE' || res.body.status === 'FAILED') return res.body;
      expect(res.body.progress).toBeGreaterThanOrEqual(0);
      expect(res.body.progress).toBeLessThan(100);
      await sleep(150);
    }
    throw new Error(`export ${id} did not finish`);
  }

  async function download(id: string, token = leader, baseUrl = t.baseUrl) {
    const res = await fetch(`${baseUrl}/api/reports/exports/${id}/file`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
  }

  async function exported(body: Record<string, unknown>, token = leader, baseUrl = t.baseUrl) {
    const created = await create(body, token, baseUrl);
    expect(created.status).toBe(202);
    const done = await finished(created.body.id, token, baseUrl);
    expect(done).toMatchObject({ status: 'DONE', progress: 100 });
    const file = await download(created.body.id, token, baseUrl);
    expect(file.status).toBe(200);
    return { job: done, file };
  }

  it('exports II.06a as the official spreadsheet through the background worker, with the JSON report’s numbers', async () => {
    const created = await create({ report: 'ii06a', format: 'xlsx', ...MARCH });
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({ report: 'ii06a', format: 'xlsx', status: 'QUEUED', progress: 0, filters: MARCH });
    const job = await finished(created.body.id);
    expect(job).toMatchObject({ status: 'DONE', progress: 100, rowCount: 2, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(job.filename).toMatch(/^bao-cao-ii06a-2026-03-01-2026-03-31-lap-\d{8}\.xlsx$/);

    // Worked by pg-boss, not in the request.
    const boss = await db.query(`SELECT state FROM pgboss.job WHERE name = 'report-export' AND data->>'id' = $1`, [job.id]);
    expect(boss.rows).toEqual([{ state: 'completed' }]);

    const file = await download(job.id);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe(XLSX);
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="${job.filename}"`);
    expect(file.body.length).toBe(job.sizeBytes);

    const json = (await call(t.baseUrl, 'GET', `/api/reports/ii06a?from=${MARCH.from}&to=${MARCH.to}`, { token: leader })).body;
    const sheet = (await workbookOf(file.body)).getWorksheet('II.06a') as ExcelJS.Worksheet;
    // The official header block.
    expect(sheet.getCell('A1').value).toBe(`Đơn vị báo cáo: ${json.rows[0].agencyName}`);
    expect(json.rows[0].agencyName).toBe('Sở Tư pháp tỉnh An Giang');
    expect(String(sheet.getCell('A2').value)).toContain('Biểu số II.06a/VPCP/KSTT');
    expect(String(sheet.getCell('A3').value)).toContain('TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
    expect(sheet.getCell('A4').value).toBe('Kỳ báo cáo: từ ngày 01/03/2026 đến ngày 31/03/2026');
    expect(sheet.getCell('A5').value).toBe('Đơn vị tính: Số hồ sơ');
    // Two heading rows with the form's groups merged over their columns, then the column numbers.
    expect(sheet.getCell('C6').value).toBe('Số hồ sơ nhận giải quyết');
    expect(rowValues(sheet, 7, 14).slice(2)).toEqual([
      'Tổng số',
      'Trực tuyến',
      'Trực tiếp, bưu chính',
      'Kỳ trước chuyển qua',
      'Tổng số',
      'Trước hạn',
      'Đúng hạn',
      'Quá hạn',
      'Tổng số',
      'Trong hạn',
      'Quá hạn',
      'Rút hồ sơ, dừng giải quyết', // merged with the heading above (exceljs reads the master's value)
    ]);
    expect(sheet.getCell('G6').value).toBe('Số hồ sơ đã giải quyết');
    expect(sheet.getCell('K6').value).toBe('Số hồ sơ đang giải quyết');
    expect(sheet.getCell('N6').value).toBe('Rút hồ sơ, dừng giải quyết');
    expect(sheet.model.merges).toEqual(expect.arrayContaining(['C6:F6', 'G6:J6', 'K6:M6', 'A6:A7', 'B6:B7', 'N6:N7']));
    expect(sheet.getCell('A8').value).toBe('(1)');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 8 });
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(30);
    // Typed numeric cells equal to the JSON report, the agency row then the total.
    const agencyRow = rowValues(sheet, FIRST_DATA_ROW, 14);
    expect(agencyRow.slice(0, 2)).toEqual([json.rows[0].agencyCode, json.rows[0].agencyName]);
    expect(agencyRow.slice(2)).toEqual(COUNTERS.map((c) => json.rows[0][c]));
    expect(agencyRow.slice(2).every((v) => typeof v === 'number')).toBe(true);
    expect(sheet.getCell(`C${FIRST_DATA_ROW}`).numFmt).toBe('#,##0');
    const totalRow = rowValues(sheet, FIRST_DATA_ROW + 1, 14);
    expect(totalRow.slice(0, 2)).toEqual([null, 'Tổng cộng']);
    expect(totalRow.slice(2)).toEqual(COUNTERS.map((c) => json.total[c]));
    expect(totalRow.slice(2)).toEqual([5, 1, 3, 1, 2, 1, 0, 1, 2, 1, 1, 1]);
    // The footer states the period, filters, time and the rows' SHA-256, which anyone can recompute from the rows.
    const footer: string[] = [];
    sheet.eachRow((row, n) => n > FIRST_DATA_ROW + 1 && footer.push(String(row.getCell(1).value)));
    expect(footer).toEqual(
      expect.arrayContaining([
        'Kỳ báo cáo: 2026-03-01 → 2026-03-31',
        'Bộ lọc: by=competent',
        `SHA-256 dữ liệu: ${job.sha256}`,
        'Số dòng dữ liệu: 2',
        expect.stringMatching(/^Thời điểm lập: \d\d\/\d\d\/\d{4} \d\d:\d\d \(giờ Việt Nam/),
        'Người lập: Lãnh đạo Sở Tư pháp',
      ]),
    );
    const recomputed = createHash('sha256')
      .update(JSON.stringify(agencyRow) + '\n' + JSON.stringify(['', ...totalRow.slice(1)]) + '\n')
      .digest('hex');
    expect(recomputed).toBe(job.sha256);

    // Audited once, with the hash.
    const audit = await db.query(
      `SELECT actor_name, after FROM audit_events WHERE action = 'report.exported' AND after->>'exportId' = $1`,
      [job.id],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({
      actor_name: 'lanhdao.stp',
      after: { format: 'xlsx', sha256: job.sha256, rows: 2, from: MARCH.from },
    });
  });

  it('exports the per-procedure report as CSV (UTF-8 with BOM) and the satisfaction and 766 reports as PDF', async () => {
    const { job, file } = await exported({ report: 'procedures', format: 'csv', ...MARCH });
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = file.body.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe(
      'Mã thủ tục,Tên thủ tục,Lĩnh vực,Tổng số hồ sơ tiếp nhận,Tiếp nhận trực tuyến,"Tiếp nhận trực tiếp, bưu chính",Từ kỳ trước chuyển qua,' +
        'Đã giải quyết,Trước hạn,Đúng hạn,Quá hạn,Đang giải quyết,Trong hạn,Quá hạn (đang giải quyết),"Rút hồ sơ, dừng giải quyết"',
    );
    const json = (await call(t.baseUrl, 'GET', `/api/reports/procedures?from=${MARCH.from}&to=${MARCH.to}`, { token: leader })).body;
    expect(json.rows).toHaveLength(1);
    const [code, name, field, ...counts] = csvFields(lines[1]);
    expect([code, name, field]).toEqual([json.rows[0].procedureCode, json.rows[0].procedureName, json.rows[0].field]);
    expect(counts.map(Number)).toEqual(COUNTERS.map((c) => json.rows[0][c]));
    expect(csvFields(lines[2]).slice(0, 3)).toEqual(['', 'Tổng cộng', '']);
    expect(csvFields(lines[2]).slice(3).map(Number)).toEqual(COUNTERS.map((c) => json.total[c]));
    expect(lines[3]).toBe('');
    expect(lines).toContain(`SHA-256 dữ liệu,${job.sha256}`);
    expect(lines).toContain('Đơn vị báo cáo,Sở Tư pháp tỉnh An Giang');

    const satisfaction = await exported({ report: 'satisfaction', format: 'pdf', ...MARCH });
    expect(satisfaction.file.headers.get('content-type')).toBe('application/pdf');
    const text = (await pdfParse(satisfaction.file.body)).text;
    for (const expected of [
      'ĐƠN VỊ BÁO CÁO',
      'SỞ TƯ PHÁP TỈNH AN GIANG',
      'Kỳ báo cáo: từ ngày 01/03/2026 đến ngày 31/03/2026',
      'Đơn vị tính: Phiếu; %',
      'Kỳ báo cáo: 2026-03-01 – 2026-03-31',
      'Chỉ số hài lòng theo yếu tố (%)',
      'Tổng cộng',
      `SHA-256 dữ liệu: ${satisfaction.job.sha256}`,
    ]) {
      expect(text).toContain(expected);
    }

    const indicators = await exported({ report: 'indicators', format: 'pdf', ...MARCH });
    const indicatorsText = (await pdfParse(indicators.file.body)).text;
    expect(indicatorsText).toContain('Quyết định số 766/QĐ-TTg');
    expect(indicatorsText).toContain('Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn');
  });

  it('lists the tracking book page by page in order of receipt, applicants masked, and exports the same lines', async () => {
    const page = (query: string, token = leader) =>
      call(t.baseUrl, 'GET', `/api/reports/tracking-book?from=${MARCH.from}&to=${MARCH.to}${query}`, { token });
    const first = await page('&limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items.map((i: any) => i.code)).toEqual(['000.00.22.H01-260302-0001', '000.00.22.H01-260302-0002']);
    expect(first.body.items[0]).toMatchObject({
      applicantName: 'Lâm V. B. C.',
      applicantType: 'INDIVIDUAL',
      procedureCode: CRIMINAL_RECORD,
      competentAgencyName: 'Sở Tư pháp tỉnh An Giang',
      channel: 'DIRECT',
      receivedAt: '2026-03-02T02:00:00.000Z',
      finishedAt: '2026-03-30T03:00:00.000Z',
      status: 'RESULT_READY',
      timeliness: 'LATE',
    });
    expect(first.body.items[1]).toMatchObject({ timeliness: 'OVERDUE', finishedAt: null });
    const second = await page(`&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((i: any) => i.code)).toEqual(['000.00.22.H01-260303-0001', '000.00.22.H01-260325-0001']);
    expect(second.body.items[1]).toMatchObject({ applicantName: 'Trần T. T. T.', channel: 'ONLINE' });
    expect(second.body.nextCursor).toBeNull();
    // In the caller's scope: the receiving point (the provincial center) is outside the department's subtree.
    expect((await page('&by=receiving')).body.items).toEqual([]);
    expect((await page('&by=receiving', auditor)).body.items).toHaveLength(4);
    expect((await page('&cursor=bm90LWEtY3Vyc29y')).status).toBe(400);
    expect((await page('', await login(t.baseUrl, 'chuyenvien.stp'))).status).toBe(403);

    const all = [...first.body.items, ...second.body.items];
    const { job, file } = await exported({ report: 'tracking-book', format: 'xlsx', ...MARCH });
    expect(job.rowCount).toBe(4);
    const sheet = (await workbookOf(file.body)).getWorksheet('Sổ theo dõi') as ExcelJS.Worksheet;
    expect(String(sheet.getCell('A2').value)).toContain('Mẫu số 07');
    expect(sheet.getCell('I6').value).toBe('Thời gian');
    expect(sheet.model.merges).toEqual(expect.arrayContaining(['I6:L6', 'A6:A7', 'N6:N7']));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 8 });
    all.forEach((item, i) => {
      const [n, code, procedureCode, , applicant, , , channel, receivedAt, , finishedAt] = rowValues(sheet, FIRST_DATA_ROW + i, 14);
      expect([n, code, procedureCode, applicant]).toEqual([i + 1, item.code, item.procedureCode, item.applicantName]);
      expect(channel).toBe(item.channel === 'ONLINE' ? 'Trực tuyến' : 'Trực tiếp');
      // A date cell holds the local (UTC+7) wall-clock time.
      expect(receivedAt).toBeInstanceOf(Date);
      expect(Math.round((receivedAt.getTime() - 7 * 3_600_000) / 1000)).toBe(new Date(item.receivedAt).getTime() / 1000);
      if (item.finishedAt)
        expect(Math.round((finishedAt.getTime() - 7 * 3_600_000) / 1000)).toBe(new Date(item.finishedAt).getTime() / 1000);
      else expect(finishedAt).toBeNull();
    });
    expect(sheet.getCell(`I${FIRST_DATA_ROW}`).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(rowValues(sheet, FIRST_DATA_ROW, 14).slice(12)).toEqual(['Đã có kết quả, chờ trả', 'Quá hạn']);
  });

  it('exports the dossiers behind one II.06a number: the same dossiers as the drill-down', async () => {
    const drill = await call(t.baseUrl, 'GET', `/api/reports/ii06a/dossiers?from=${MARCH.from}&to=${MARCH.to}&cell=receivedTotal`, {
      token: leader,
    });
    expect(drill.body.items).toHaveLength(5);
    const { job, file } = await exported({ report: 'ii06a-dossiers', format: 'csv', ...MARCH, cell: 'receivedTotal' });
    expect(job).toMatchObject({ rowCount: 5, filters: { ...MARCH, cell: 'receivedTotal' } });
    const lines = file.body.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toContain('STT,Mã hồ sơ,Mã thủ tục');
    expect(lines.slice(1, 6).map((l) => csvFields(l)[1])).toEqual(drill.body.items);
    // Carried over from February and returned in March: local times, the result on 02/03 10:00.
    expect(csvFields(lines[1]).slice(7, 12)).toEqual([
      'Trực tiếp',
      '2026-02-26 09:00:00',
      expect.stringMatching(/^2026-03-\d\d \d\d:\d\d:\d\d$/),
      '2026-03-02 10:00:00',
      '2026-03-03 10:00:00',
    ]);
    const late = await exported({ report: 'ii06a-dossiers', format: 'xlsx', ...MARCH, cell: 'resolvedLate' });
    const sheet = (await workbookOf(late.file.body)).getWorksheet('Danh sách hồ sơ') as ExcelJS.Worksheet;
    expect(String(sheet.getCell('A3').value)).toBe('DANH SÁCH HỒ SƠ: QUÁ HẠN');
    expect(sheet.getCell(`B${FIRST_DATA_ROW}`).value).toBe('000.00.22.H01-260302-0001');
    expect(sheet.getCell(`B${FIRST_DATA_ROW + 1}`).value).toBeNull();
  });

  it('refuses bad requests with 400 and the field, like the reports themselves', async () => {
    const field = async (body: Record<string, unknown>) => {
      const res = await create(body);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      return res.body.errors.map((e: any) => `${e.field}:${e.rule}`);
    };
    expect(await field({ report: 'ii06a', format: 'xlsx', from: '2026-03-31', to: '2026-03-01' })).toEqual(['from:notAfterTo']);
    expect(await field({ report: 'ii06a', format: 'xlsx', from: '2019-01-01', to: '2026-03-01' })).toEqual(['to:maxPeriod']);
    expect(await field({ report: 'ii06a', format: 'doc', ...MARCH })).toEqual(['format:isIn']);
    expect(await field({ report: 'ii07', format: 'csv', ...MARCH })).toEqual(['report:isIn']);
    expect(await field({ report: 'ii06a', format: 'csv', from: '01/03/2026', to: MARCH.to })).toEqual(['from:isIso8601']);
    expect(await field({ report: 'ii06a-dossiers', format: 'csv', ...MARCH })).toEqual(['cell:required']);
    expect(await field({ report: 'ii06a', format: 'csv', ...MARCH, cell: 'receivedTotal' })).toEqual(['cell:onlyForDrillDown']);
    expect(await field({ report: 'tracking-book', format: 'csv', ...MARCH, source: 'live' })).toEqual(['source:notApplicable']);
    expect(await field({ report: 'ii06a-dossiers', format: 'csv', ...MARCH, cell: 'everything' })).toEqual(['cell:isIn']);
    expect(await field({ report: 'ii06a', format: 'csv', ...MARCH, extra: 1 })).toEqual(['extra:unknownField']);
    expect((await call(t.baseUrl, 'GET', '/api/reports/exports/not-a-uuid', { token: leader })).status).toBe(400);
    // An agency outside the caller's subtree is not theirs to export; a specialist exports nothing.
    const center = (await db.query('SELECT id FROM agencies WHERE code = $1', [CENTER])).rows[0].id;
    expect((await create({ report: 'ii06a', format: 'csv', ...MARCH, agencyId: center })).status).toBe(404);
    expect((await create({ report: 'ii06a', format: 'csv', ...MARCH }, await login(t.baseUrl, 'chuyenvien.stp'))).status).toBe(403);
  });

  it('shows an export only to who asked for it, and refuses the file before it is ready', async () => {
    const mine = await exported({ report: 'satisfaction', format: 'csv', ...MARCH });
    const id = mine.job.id;
    expect((await call(t.baseUrl, 'GET', `/api/reports/exports/${id}`, { token: auditor })).status).toBe(404);
    expect((await download(id, auditor)).status).toBe(404);
    const theirs = await create({ report: 'ii06a', format: 'csv', ...MARCH }, auditor);
    const list = await call(t.baseUrl, 'GET', '/api/reports/exports', { token: leader });
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThanOrEqual(5);
    expect(list.body.items[0].id).toBe(id); // newest first
    expect(list.body.items.map((e: any) => e.id)).not.toContain(theirs.body.id);
    await finished(theirs.body.id, auditor);

    // A queued export no worker has taken yet: 409 until it is done.
    const copy = (status: string, extra = '') =>
      db
        .query(
          `INSERT INTO report_exports (report, format, filters, scope_path, requested_by_id, requested_by, expires_at, status${extra ? ', attempts, heartbeat_at' : ''})
           SELECT report, format, filters, scope_path, requested_by_id, requested_by, expires_at, $2${extra} FROM report_exports WHERE id = $1 RETURNING id`,
          [id, status],
        )
        .then((r) => r.rows[0].id as string);
    const queued = await copy('QUEUED');
    const early = await download(queued);
    expect(early.status).toBe(409);
    expect(JSON.parse(early.body.toString()).code).toBe('EXPORT_NOT_READY');

    // Exactly once: two workers on the same export make one file and one audit record.
    const exportsService = t.app.get(ReportExportsService);
    await Promise.all([exportsService.runQueued(queued), exportsService.runQueued(queued)]);
    const row = (await db.query('SELECT status, attempts, sha256 FROM report_exports WHERE id = $1', [queued])).rows[0];
    expect(row).toMatchObject({ status: 'DONE', attempts: 1, sha256: mine.job.sha256 });
    const audits = await db.query(`SELECT 1 FROM audit_events WHERE action = 'report.exported' AND after->>'exportId' = $1`, [queued]);
    expect(audits.rowCount).toBe(1);
    const again = await download(queued);
    expect(again.status).toBe(200);
    expect(again.body.subarray(3).toString('utf8')).toContain(`SHA-256 dữ liệu,${mine.job.sha256}`);

    // A running export whose worker died (stale heartbeat) is taken over; a live one is left alone.
    const dead = await copy('RUNNING', `, 1, now() - interval '10 minutes'`);
    const alive = await copy('RUNNING', `, 1, now()`);
    await exportsService.runQueued(dead);
    await exportsService.runQueued(alive);
    const states = await db.query('SELECT id, status, attempts FROM report_exports WHERE id = ANY($1)', [[dead, alive]]);
    expect(Object.fromEntries(states.rows.map((r) => [r.id, [r.status, r.attempts]]))).toEqual({
      [dead]: ['DONE', 2],
      [alive]: ['RUNNING', 1],
    });
  });

  it('streams a long tracking book through the cursor and refuses it as PDF', async () => {
    // 3 001 copies of one dossier, received in May 2026 (away from the March figures above).
    await db.query(
      `INSERT INTO dossiers
       SELECT (jsonb_populate_record(NULL::dossiers, to_jsonb(d) || jsonb_build_object('id', gen_random_uuid(), 'code', 'TEST-' || lpad(g::text, 5, '0')))).*
         FROM dossiers d, generate_series(1, 3001) g WHERE d.code = '000.00.22.H01-260302-0002'`,
    );
    await db.query(
      `UPDATE dossiers SET received_at = received_at + interval '61 days', due_at = due_at + interval '61 days' WHERE code LIKE 'TEST-%'`,
    );
    const MAY = { from: '2026-05-01', to: '2026-05-31' };
    const { job, file } = await exported({ report: 'tracking-book', format: 'xlsx', ...MAY });
    expect(job.rowCount).toBe(3001);
    const sheet = (await workbookOf(file.body)).getWorksheet('Sổ theo dõi') as ExcelJS.Worksheet;
    expect(sheet.getCell(`A${FIRST_DATA_ROW + 3000}`).value).toBe(3001);
    expect(sheet.getCell(`B${FIRST_DATA_ROW + 3000}`).value).toBe('TEST-03001');

    const pdf = await create({ report: 'tracking-book', format: 'pdf', ...MAY });
    const failed = await finished(pdf.body.id);
    expect(failed).toMatchObject({ status: 'FAILED', error: expect.stringContaining('tối đa 3.000 dòng') });
    const refused = await download(pdf.body.id);
    expect(refused.status).toBe(409);
    expect(JSON.parse(refused.body.toString()).code).toBe('EXPORT_FAILED');
  });

  describe('a second API process with jobs off', () => {
    let second: NestFastifyApplication;
    let secondUrl: string;
    let dataDir: string;

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'motcua-test-data-'));
      const config = loadConfig({
        NODE_ENV: 'test',
        DEMO_DATA: 'false',
        JOBS_ENABLED: 'false',
        ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
        ADMIN_DIR: '/nonexistent',
        DATA_DIR: dataDir,
      });
      second = await createApp(config, t.database.url);
      await second.listen({ port: 0, host: '127.0.0.1' });
      const address = second.getHttpServer().address();
      secondUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    });
    afterAll(async () => {
      await second?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('serves the files the first process made, and runs its own exports in-process', async () => {
      const token = await login(secondUrl, 'lanhdao.stp');
      const list = await call(secondUrl, 'GET', '/api/reports/exports', { token });
      const done = list.body.items.find((e: any) => e.report === 'ii06a' && e.status === 'DONE');
      const fromFirst = await download(done.id, leader);
      const fromSecond = await download(done.id, token, secondUrl);
      expect(fromSecond.status).toBe(200);
      expect(fromSecond.body.equals(fromFirst.body)).toBe(true);

      const { job, file } = await exported({ report: 'ii06a', format: 'pdf', ...MARCH }, token, secondUrl);
      expect(job.rowCount).toBe(2);
      const boss = await db.query(`SELECT 1 FROM pgboss.job WHERE name = 'report-export' AND data->>'id' = $1`, [job.id]);
      expect(boss.rowCount).toBe(0);
      const text = (await pdfParse(file.body)).text;
      expect(text).toContain('Biểu số II.06a/VPCP/KSTT');
      expect(text).toContain('Đơn vị tính: Số hồ sơ');
    });
  });
});
