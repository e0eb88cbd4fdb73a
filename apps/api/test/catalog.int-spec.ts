import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { call, login } from './support/http';
import { startTestApp, TEST_ADMIN_PASSWORD, TestApp } from './support/test-app';

describe('catalog: agencies and procedures', () => {
  let t: TestApp;
  let db: Client;
  let admin: string;
  const agencyId = async (code: string) => (await db.query('SELECT id FROM agencies WHERE code = $1', [code])).rows[0].id as string;

  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'true' });
    db = new Client({ connectionString: t.database.url });
    await db.connect();
    admin = await login(t.baseUrl, 'admin', TEST_ADMIN_PASSWORD);
    // Start from an empty catalog (the demo agencies stay): these tests own every procedure code they use.
    await db.query('DELETE FROM procedures');
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  describe('agencies', () => {
    it('creates a commune under a district and finds it without diacritics', async () => {
      const res = await call(t.baseUrl, 'POST', '/api/agencies', {
        token: admin,
        body: {
          code: '000.31.09.H01',
          name: 'Ủy ban nhân dân phường Bình Khánh',
          level: 'COMMUNE',
          parentId: await agencyId('000.00.31.H01'),
          isReceptionPoint: true,
        },
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ code: '000.31.09.H01', level: 'COMMUNE', isReceptionPoint: true });
      const found = await call(t.baseUrl, 'GET', '/api/agencies?q=binh%20khanh', { token: admin });
      expect(found.body.map((a: { code: string }) => a.code)).toEqual(['000.31.09.H01']);
      const tree = await call(t.baseUrl, 'GET', '/api/agencies/tree', { token: admin });
      const longXuyen = tree.body[0].children.find((c: { code: string }) => c.code === '000.00.31.H01');
      expect(longXuyen.children.map((c: { code: string }) => c.code)).toContain('000.31.09.H01');
    });

    it('rejects a duplicate code (409), a parent at a lower level (400) and a malformed code (400)', async () => {
      const district = await agencyId('000.00.31.H01');
      const commune = await agencyId('000.31.01.H01');
      const dup = await call(t.baseUrl, 'POST', '/api/agencies', {
        token: admin,
        body: { code: '000.31.01.H01', name: 'Trùng mã', level: 'COMMUNE', parentId: district },
      });
      expect(dup.status).toBe(409);
      expect(dup.body.code).toBe('AGENCY_CODE_TAKEN');
      const lower = await call(t.baseUrl, 'POST', '/api/agencies', {
        token: admin,
        body: { code: '000.31.99.H01', name: 'Huyện dưới xã', level: 'DISTRICT', parentId: commune },
      });
      expect(lower.status).toBe(400);
      expect(lower.body.errors[0]).toMatchObject({ field: 'level', rule: 'belowParent' });
      const bad = await call(t.baseUrl, 'POST', '/api/agencies', {
        token: admin,
        body: { code: 'abc', name: 'Sai mã', level: 'COMMUNE', parentId: district },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('code');
    });

    it('refuses to move an agency under its own subtree (409) and moves a subtree with its descendants', async () => {
      const district = await agencyId('000.00.32.H01');
      const ownCommune = await agencyId('000.32.01.H01');
      const cycle = await call(t.baseUrl, 'PATCH', `/api/agencies/${district}`, { token: admin, body: { parentId: ownCommune } });
      expect(cycle.status).toBe(409);
      expect(cycle.body.code).toBe('AGENCY_CYCLE');

      // 2025 reform: a commune moves directly under the province; the district admin loses it.
      const province = await agencyId('000.00.00.H01');
      const moved = await call(t.baseUrl, 'PATCH', `/api/agencies/${ownCommune}`, { token: admin, body: { parentId: province } });
      expect(moved.status).toBe(200);
      const path = (await db.query('SELECT path FROM agencies WHERE id = $1', [ownCommune])).rows[0].path;
      expect(path).toBe(`/${province}/${ownCommune}/`);
    });

    it('answers a stale version with 409 and the current version', async () => {
      const id = await agencyId('000.00.33.H01');
      const current = await call(t.baseUrl, 'GET', `/api/agencies/${id}`, { token: admin });
      const ok = await call(t.baseUrl, 'PATCH', `/api/agencies/${id}`, {
        token: admin,
        body: { version: current.body.version, phone: '02963822222' },
      });
      expect(ok.status).toBe(200);
      const stale = await call(t.baseUrl, 'PATCH', `/api/agencies/${id}`, {
        token: admin,
        body: { version: current.body.version, phone: '02963833333' },
      });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'STALE_VERSION', currentVersion: ok.body.version });
    });

    it('lets only administrators change agencies', async () => {
      const leader = await login(t.baseUrl, 'lanhdao.stp');
      const res = await call(t.baseUrl, 'POST', '/api/agencies', {
        token: leader,
        body: { code: '000.00.99.H01', name: 'Không được', level: 'DEPARTMENT', parentId: await agencyId('000.00.00.H01') },
      });
      expect(res.status).toBe(403);
    });
  });

  describe('procedures', () => {
    const base = async () => ({
      name: 'Cấp phiếu lý lịch tư pháp cho công dân Việt Nam',
      field: 'Lý lịch tư pháp',
      level: 'PROVINCE',
      competentAgencyId: await agencyId('000.00.10.H01'),
      processingAmount: 10,
      processingUnit: 'WORKING_DAYS',
      fees: [{ name: 'Phí cung cấp thông tin lý lịch tư pháp', amount: 200000 }],
      documents: [
        { name: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', originals: 1, copies: 0, mandatory: true },
        { name: 'Bản chụp giấy tờ tùy thân', originals: 0, copies: 1, mandatory: true },
      ],
      onlineRegime: 'FULL',
      paperResultRequired: false,
      electronicResultAllowed: true,
      legalBasis: 'Luật Lý lịch tư pháp 2009; Nghị định 111/2010/NĐ-CP',
      steps: [
        { name: 'Tiếp nhận hồ sơ', actor: 'RECEIVING', role: 'RECEPTION', budgetHours: 2 },
        { name: 'Tra cứu, xác minh', actor: 'COMPETENT', role: 'SPECIALIST', budgetHours: 40 },
        {
          name: 'Xác minh tại Công an tỉnh',
          actor: 'FIXED',
          agencyId: await agencyId('000.00.20.H01'),
          role: 'SPECIALIST',
          budgetHours: 24,
          parallelGroup: 'xac-minh',
        },
        {
          name: 'Xác minh tại Tòa án',
          actor: 'FIXED',
          agencyId: await agencyId('000.00.10.H01'),
          role: 'SPECIALIST',
          budgetHours: 16,
          parallelGroup: 'xac-minh',
        },
        { name: 'Ký phiếu', actor: 'COMPETENT', role: 'LEADER', budgetHours: 8 },
        { name: 'Trả kết quả', actor: 'RECEIVING', role: 'RECEPTION', budgetHours: 4 },
      ],
    });

    it('creates a draft, publishes it, and keeps the old version when a new one is published', async () => {
      const created = await call(t.baseUrl, 'POST', '/api/procedures', { token: admin, body: { code: '2.000488', ...(await base()) } });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        status: 'DRAFT',
        versionNo: 1,
        templateHours: 2 + 40 + 24 + 8 + 4,
        processingHours: 80,
        feeTotal: 200000,
      });
      expect(created.body.steps[2]).toMatchObject({ agencyName: 'Công an tỉnh An Giang', parallelGroup: 'xac-minh' });

      const published = await call(t.baseUrl, 'POST', `/api/procedures/${created.body.id}/publish`, {
        token: admin,
        body: { version: created.body.version },
      });
      expect(published.status).toBe(200);
      expect(published.body.status).toBe('PUBLISHED');
      const editPublished = await call(t.baseUrl, 'PATCH', `/api/procedures/${created.body.id}`, {
        token: admin,
        body: { version: published.body.version, name: 'Sửa' },
      });
      expect(editPublished.status).toBe(409);
      expect(editPublished.body.code).toBe('PROCEDURE_NOT_DRAFT');

      const v2 = await call(t.baseUrl, 'POST', `/api/procedures/${created.body.id}/versions`, { token: admin });
      expect(v2.status).toBe(201);
      expect(v2.body).toMatchObject({ versionNo: 2, status: 'DRAFT' });
      const edited = await call(t.baseUrl, 'PATCH', `/api/procedures/${v2.body.id}`, {
        token: admin,
        body: { version: v2.body.version, processingAmount: 12 },
      });
      expect(edited.body.processingAmount).toBe(12);
      await call(t.baseUrl, 'POST', `/api/procedures/${v2.body.id}/publish`, { token: admin, body: { version: edited.body.version } });

      const v1 = await call(t.baseUrl, 'GET', `/api/procedures/${created.body.id}`, { token: admin });
      expect(v1.body).toMatchObject({ status: 'RETIRED', processingAmount: 10 });
      expect(v1.body.versions.map((v: { versionNo: number; status: string }) => `${v.versionNo}:${v.status}`)).toEqual([
        '2:PUBLISHED',
        '1:RETIRED',
      ]);
      const pub = await call(t.baseUrl, 'GET', '/api/public/procedures/2.000488');
      expect(pub.status).toBe(200);
      expect(pub.body).toMatchObject({ versionNo: 2, processingAmount: 12, competentAgencyName: 'Sở Tư pháp tỉnh An Giang' });
    });

    it('rejects a template whose steps overrun the processing time, naming the totals', async () => {
      const body = { code: '1.009994', ...(await base()), processingAmount: 5 };
      const res = await call(t.baseUrl, 'POST', '/api/procedures', { token: admin, body });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ field: 'steps', rule: 'budgetExceeded', message: expect.stringContaining('78 giờ') }),
      ]);
      expect((await db.query("SELECT count(*)::int AS n FROM procedures WHERE code = '1.009994'")).rows[0].n).toBe(0);
    });

    it('validates nested documents, fees, steps and unknown fields', async () => {
      const body = { code: '1.000001', ...(await base()) };
      body.documents = [{ name: '', originals: -1, copies: 0, mandatory: true }];
      body.steps = [{ name: 'Bước', actor: 'FIXED', role: 'SPECIALIST', budgetHours: 1 }] as typeof body.steps;
      const res = await call(t.baseUrl, 'POST', '/api/procedures', { token: admin, body: { ...body, unknown: 1 } });
      expect(res.status).toBe(400);
      const fields = res.body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['unknown', 'documents.0.name', 'documents.0.originals']));
      const fixed = await call(t.baseUrl, 'POST', '/api/procedures', { token: admin, body });
      expect(fixed.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['documents.0.name']));
    });

    it('searches ignoring diacritics and case, with filters and a cursor', async () => {
      for (const [code, name, field, level] of [
        ['1.001193', 'Đăng ký khai sinh', 'Hộ tịch', 'COMMUNE'],
        ['1.000894', 'Đăng ký kết hôn', 'Hộ tịch', 'COMMUNE'],
        ['2.000815', 'Chứng thực bản sao từ bản chính', 'Chứng thực', 'COMMUNE'],
      ]) {
        const b = {
          ...(await base()),
          code,
          name,
          field,
          level,
          competentAgencyId: null,
          processingAmount: 1,
          processingUnit: 'WORKING_DAYS',
          onlineRegime: 'PARTIAL',
          steps: [{ name: 'Giải quyết', actor: 'RECEIVING', role: 'RECEPTION', budgetHours: 8 }],
        };
        const created = await call(t.baseUrl, 'POST', '/api/procedures', { token: admin, body: b });
        expect(created.status).toBe(201);
        await call(t.baseUrl, 'POST', `/api/procedures/${created.body.id}/publish`, {
          token: admin,
          body: { version: created.body.version },
        });
      }
      const names = async (path: string) =>
        (await call(t.baseUrl, 'GET', path, { token: admin })).body.items.map((p: { name: string }) => p.name);
      expect(await names('/api/procedures?q=khai%20sinh')).toEqual(['Đăng ký khai sinh']);
      expect(await names('/api/procedures?q=dang%20ky')).toEqual(['Đăng ký kết hôn', 'Đăng ký khai sinh']);
      expect(await names('/api/procedures?q=DANG%20KY%20KET')).toEqual(['Đăng ký kết hôn']);
      expect(await names(`/api/procedures?field=${encodeURIComponent('Chứng thực')}`)).toEqual(['Chứng thực bản sao từ bản chính']);
      const page1 = await call(t.baseUrl, 'GET', '/api/procedures?limit=2', { token: admin });
      const page2 = await call(t.baseUrl, 'GET', `/api/procedures?limit=2&cursor=${page1.body.nextCursor}`, { token: admin });
      expect([...page1.body.items, ...page2.body.items].map((p: { code: string }) => p.code)).toEqual([
        '1.000894',
        '1.001193',
        '2.000488',
        '2.000815',
      ]);

      const publicList = await call(t.baseUrl, 'GET', '/api/public/procedures?q=chung%20thuc');
      expect(publicList.status).toBe(200);
      expect(publicList.body.items.map((p: { code: string }) => p.code)).toEqual(['2.000815']);
    });

    it('does not show drafts in the public guide', async () => {
      const draft = await call(t.baseUrl, 'POST', '/api/procedures', {
        token: admin,
        body: { code: '9.999999', ...(await base()), name: 'Thủ tục dự thảo' },
      });
      expect(draft.status).toBe(201);
      expect((await call(t.baseUrl, 'GET', '/api/public/procedures/9.999999')).status).toBe(404);
      expect((await call(t.baseUrl, 'GET', '/api/public/procedures?q=du%20thao')).body.items).toEqual([]);
    });
  });

  describe('import', () => {
    const header = [
      'Mã thủ tục',
      'Tên thủ tục',
      'Lĩnh vực',
      'Cấp thực hiện',
      'Mã cơ quan',
      'Thời hạn giải quyết',
      'Đơn vị thời gian',
      'Lệ phí',
      'Thành phần hồ sơ',
    ];
    const upload = (file: Buffer | string, filename: string, query = '') => {
      const form = new FormData();
      form.append('file', new Blob([typeof file === 'string' ? file : new Uint8Array(file)]), filename);
      return fetch(`${t.baseUrl}/api/procedures/import${query}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}` },
        body: form,
      });
    };
    const csv = (rows: string[][]) => '\uFEFF' + [header, ...rows].map((r) => r.map((c) => `"${c}"`).join(',')).join('\r\n');

    it('imports a CSV with Vietnamese headers and gives each procedure a default route', async () => {
      const res = await upload(
        csv([
          ['1.004227', 'Đăng ký khai tử', 'Hộ tịch', 'Cấp xã', '', '1', 'Ngày làm việc', '0', 'Tờ khai đăng ký khai tử; Giấy báo tử'],
          [
            '2.001023',
            'Cấp giấy phép kinh doanh bán lẻ rượu',
            'Lưu thông hàng hóa trong nước',
            'Tỉnh',
            '000.00.17.H01',
            '10',
            'Ngày làm việc',
            '1.200.000',
            'Đơn đề nghị; Bản sao giấy chứng nhận đăng ký doanh nghiệp',
          ],
        ]),
        'tthc.csv',
        '?publish=true',
      );
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body).toMatchObject({ totalRows: 2, imported: 2, importedCodes: ['1.004227', '2.001023'], rejected: [] });
      const detail = await call(t.baseUrl, 'GET', '/api/public/procedures/2.001023');
      expect(detail.body).toMatchObject({
        status: 'PUBLISHED',
        feeTotal: 1200000,
        competentAgencyName: 'Sở Công Thương tỉnh An Giang',
        processingHours: 80,
      });
      expect(detail.body.documents.map((d: { name: string }) => d.name)).toEqual([
        'Đơn đề nghị',
        'Bản sao giấy chứng nhận đăng ký doanh nghiệp',
      ]);
      expect(detail.body.steps.map((s: { name: string }) => s.name)).toEqual([
        'Tiếp nhận, kiểm tra hồ sơ',
        'Thẩm định hồ sơ',
        'Phê duyệt, ký kết quả',
        'Trả kết quả',
      ]);
      expect(detail.body.templateHours).toBeLessThanOrEqual(80);
    });

    it('rejects an XLSX with bad rows without writing anything, listing each line and reason', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('TTHC');
      sheet.addRow(header);
      sheet.addRow(['3.000001', 'Thủ tục tốt', 'Đất đai', 'Tỉnh', '000.00.12.H01', 10, 'Ngày làm việc', 0, 'Đơn đề nghị']);
      sheet.addRow(['3.000002', 'Thủ tục sai cấp', 'Đất đai', 'Trung ương', '000.00.12.H01', 10, 'Ngày làm việc', 0, 'Đơn']);
      sheet.addRow(['3.000003', 'Thủ tục sai cơ quan', 'Đất đai', 'Tỉnh', '999.99.99.H99', -1, 'tuần', 'abc', '']);
      sheet.addRow(['3.000001', 'Trùng mã', 'Đất đai', 'Tỉnh', '000.00.12.H01', 5, 'Ngày làm việc', 0, 'Đơn']);
      const file = Buffer.from(await workbook.xlsx.writeBuffer());

      const res = await upload(file, 'tthc.xlsx');
      expect(res.status).toBe(422);
      const problem = await res.json();
      expect(problem.code).toBe('IMPORT_ROWS_INVALID');
      expect(problem.rejected.map((r: { line: number }) => r.line)).toEqual([3, 4, 5]);
      expect(problem.rejected[0].reasons[0]).toContain('Cấp thực hiện');
      expect(problem.rejected[1].reasons.length).toBeGreaterThanOrEqual(4);
      expect(problem.rejected[2].reasons).toEqual(['Mã thủ tục trùng với dòng 2']);
      expect((await db.query("SELECT count(*)::int AS n FROM procedures WHERE code LIKE '3.%'")).rows[0].n).toBe(0);

      const partial = await upload(file, 'tthc.xlsx', '?mode=valid-only');
      expect(partial.status).toBe(200);
      expect(await partial.json()).toMatchObject({ imported: 1, importedCodes: ['3.000001'] });
      expect((await db.query("SELECT count(*)::int AS n FROM procedures WHERE code LIKE '3.%'")).rows[0].n).toBe(1);
    });

    it('answers 415 for a file that is neither XLSX nor CSV, even when named .xlsx', async () => {
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
      const res = await upload(png, 'tthc.xlsx');
      expect(res.status).toBe(415);
      expect((await res.json()).code).toBe('UNSUPPORTED_MEDIA_TYPE');
      const json = await call(t.baseUrl, 'POST', '/api/procedures/import', { token: admin, body: { rows: [] } });
      expect(json.status).toBe(415);
    });
  });
});
