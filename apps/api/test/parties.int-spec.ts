/* eslint-disable @typescript-eslint/no-explicit-any -- parsed JSON bodies */
import { taxCodeCheckDigit } from '@motcua/domain';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { PartiesService } from '../src/modules/parties/parties.service';
import { CENTER, CRIMINAL_RECORD, mandatoryDocuments } from './support/dossier-fixtures';
import { call, login } from './support/http';
import { startTestApp, TEST_ADMIN_PASSWORD, TestApp } from './support/test-app';

/** A valid CCCD (An Giang, born 1985 male / 2003 female) with a unique serial. */
let serial = 100;
const cccd = (kind: 'man1985' | 'woman2003' = 'man1985') => `089${kind === 'man1985' ? '085' : '303'}${String(++serial).padStart(6, '0')}`;
let phoneSerial = 1000;
const phone = () => `0912${String(++phoneSerial).padStart(6, '0')}`;

/** A valid 10-digit tax code from a 9-digit stem. */
function taxCode(stem: string): string {
  for (let i = 0; i < 100; i++) {
    const first9 = String(Number(stem) + i).padStart(9, '0');
    const digit = taxCodeCheckDigit(first9);
    if (digit !== undefined) return `${first9}${digit}`;
  }
  throw new Error('no tax code');
}

describe('citizen registry (parties)', () => {
  let t: TestApp;
  let db: Client;
  let reception: string;
  let receptionElsewhere: string;
  let specialist: string;
  let auditor: string;
  let admin: string;
  let documents: Array<{ name: string; kind: string; count: number }>;

  const createParty = (body: Record<string, unknown>, token = reception) => call(t.baseUrl, 'POST', '/api/parties', { token, body });
  const person = (overrides: Record<string, unknown> = {}) => ({
    type: 'INDIVIDUAL',
    fullName: 'Trần Thị Bình',
    dateOfBirth: '1985-03-04',
    sex: 'MALE',
    identifiers: [{ type: 'CCCD', value: cccd() }],
    ...overrides,
  });
  const created = async (overrides: Record<string, unknown> = {}, token = reception) => {
    const res = await createParty(person(overrides), token);
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const service = () => t.app.get(PartiesService);
  const dataSource = () => t.app.get(DataSource);
  /** A counter intake; with `partyId` the applicant is that registry party (intake links it as OWNER). */
  const dossier = async (fullName = 'Người nộp hồ sơ', partyId?: string) => {
    const res = await call(t.baseUrl, 'POST', '/api/dossiers', {
      token: reception,
      body: {
        procedureCode: CRIMINAL_RECORD,
        receivingAgencyCode: CENTER,
        channel: 'DIRECT',
        applicant: partyId ? { partyId } : { type: 'INDIVIDUAL', fullName, identifiers: [] },
        documents,
      },
    });
    if (res.status !== 201) throw new Error(`intake failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; code: string };
  };
  const link = (dossierId: string, partyId: string, role: 'OWNER' | 'SUBMITTER' = 'OWNER') =>
    dataSource().transaction((tx) => service().linkDossier(tx, dossierId, partyId, role));
  const accessLog = async (partyId: string, token = auditor) =>
    (await call(t.baseUrl, 'GET', `/api/parties/access-log?partyId=${partyId}`, { token })).body.items as any[];
  const download = async (path: string, token: string) => {
    const res = await fetch(t.baseUrl + path, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
  };

  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'true' });
    db = new Client({ connectionString: t.database.url });
    await db.connect();
    [reception, receptionElsewhere, specialist, auditor, admin] = await Promise.all([
      login(t.baseUrl, 'tiepnhan.ttpvhcc'),
      login(t.baseUrl, 'tiepnhan.longxuyen'),
      login(t.baseUrl, 'chuyenvien.stp'),
      login(t.baseUrl, 'thanhtra.ttpvhcc'),
      login(t.baseUrl, 'admin', TEST_ADMIN_PASSWORD),
    ]);
    documents = await mandatoryDocuments(t.baseUrl);
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  describe('registration and validation', () => {
    it('registers an individual with masked identifiers and phone, and warns when the CCCD disagrees with birth year and sex', async () => {
      const value = cccd('woman2003');
      const res = await createParty(person({ identifiers: [{ type: 'CCCD', value }], phone: '0912 345 678', email: 'Binh@Example.vn' }));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        type: 'INDIVIDUAL',
        fullName: 'Trần Thị Bình',
        displayName: 'Trần Thị Bình',
        status: 'ACTIVE',
        phone: '091****678',
        email: 'binh@example.vn',
        version: 1,
      });
      expect(res.body.identifiers).toEqual([expect.objectContaining({ type: 'CCCD', masked: `089******${value.slice(-3)}` })]);
      expect(res.body.warnings).toEqual([
        'Số CCCD cho biết năm sinh 2003, khác với năm sinh đã nhập (1985).',
        'Số CCCD cho biết giới tính nữ, khác với giới tính đã nhập (nam).',
      ]);
      expect(JSON.stringify(res.body)).not.toContain(value);
      expect(JSON.stringify(res.body)).not.toContain('0912345678');
    });

    it('registers an enterprise with a tax code and its legal representative', async () => {
      const director = await created({ fullName: 'Lê Văn Giám Đốc' });
      const res = await createParty({
        type: 'ENTERPRISE',
        name: 'Công ty TNHH Lúa Vàng',
        identifiers: [
          { type: 'TAX_CODE', value: taxCode('160012345') },
          { type: 'TAX_CODE', value: `${taxCode('160012345')}-001` },
        ],
        address: { areaCode: '30280', text: 'Số 1 Trần Hưng Đạo, Long Xuyên' },
        representatives: [{ partyId: director.id, role: 'LEGAL_REPRESENTATIVE', validFrom: '2020-01-01' }],
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ type: 'ENTERPRISE', name: 'Công ty TNHH Lúa Vàng', fullName: null, warnings: [] });
      expect(res.body.address).toEqual({ areaCode: '30280', text: 'Số 1 Trần Hưng Đạo, Long Xuyên' });
      expect(res.body.representatives).toEqual([
        expect.objectContaining({ representativeId: director.id, representativeName: 'Lê Văn Giám Đốc', role: 'LEGAL_REPRESENTATIVE' }),
      ]);
      const detail = await call(t.baseUrl, 'GET', `/api/parties/${director.id}`, { token: reception });
      expect(detail.body.represents).toEqual([
        expect.objectContaining({ organizationId: res.body.id, organizationName: 'Công ty TNHH Lúa Vàng' }),
      ]);
    });

    it.each([
      [
        'a CCCD whose province code does not exist',
        person({ identifiers: [{ type: 'CCCD', value: '003085000001' }] }),
        'identifiers.0.value',
        'cccdProvince',
      ],
      [
        'a CCCD that is not 12 digits',
        person({ identifiers: [{ type: 'CCCD', value: '08908500001' }] }),
        'identifiers.0.value',
        'cccdFormat',
      ],
      [
        'a tax code with a wrong check digit',
        {
          type: 'ENTERPRISE',
          name: 'Công ty A',
          identifiers: [{ type: 'TAX_CODE', value: `${taxCode('170000001').slice(0, 9)}${(Number(taxCode('170000001')[9]) + 1) % 10}` }],
        },
        'identifiers.0.value',
        'taxCodeCheckDigit',
      ],
      [
        'a branch tax code with the suffix 000',
        { type: 'ENTERPRISE', name: 'Chi nhánh B', identifiers: [{ type: 'TAX_CODE', value: `${taxCode('170000100')}-000` }] },
        'identifiers.0.value',
        'taxCodeBranch',
      ],
      ['a birth date in the future', person({ dateOfBirth: '2999-01-01' }), 'dateOfBirth', 'notFuture'],
      ['an individual without a name', person({ fullName: undefined }), 'fullName', 'required'],
      [
        'a CCCD for an organisation',
        { type: 'ORGANIZATION', name: 'Hội X', identifiers: [{ type: 'CCCD', value: '089085999999' }] },
        'identifiers.0.type',
        'identifierTypeForParty',
      ],
      [
        'the same identifier twice',
        person({
          identifiers: [
            { type: 'CCCD', value: '089085888888' },
            { type: 'CCCD', value: '089 085 888 888' },
          ],
        }),
        'identifiers.1.value',
        'duplicate',
      ],
      ['a malformed phone', person({ phone: '12345' }), 'phone', 'matches'],
    ])('refuses %s with 400 naming the field and rule', async (_name, body, field, rule) => {
      const res = await createParty(body);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
    });

    it('answers 409 with the existing party when an identifier is already registered (spaces do not matter)', async () => {
      const value = cccd();
      const first = await created({ identifiers: [{ type: 'CCCD', value }] });
      const spaced = `${value.slice(0, 3)} ${value.slice(3, 6)} ${value.slice(6)}`;
      const res = await createParty(person({ fullName: 'Người khác', identifiers: [{ type: 'CCCD', value: spaced }] }));
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'PARTY_IDENTIFIER_TAKEN', existingPartyId: first.id });
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'identifiers.0.value', rule: 'unique' })]);
    });

    it('lets only holders of parties:manage register', async () => {
      expect((await createParty(person(), specialist)).status).toBe(403);
      expect((await createParty(person(), auditor)).status).toBe(403);
    });
  });

  describe('search', () => {
    let an: any;
    let anPhone: string;
    let anCccd: string;

    beforeAll(async () => {
      anCccd = cccd();
      anPhone = phone();
      an = await created({ fullName: 'Nguyễn Văn An', identifiers: [{ type: 'CCCD', value: anCccd }], phone: anPhone });
      await created({ fullName: 'Nguyễn Văn Anh' });
      await created({ fullName: 'Phạm Thị Đào' });
    });

    it('finds "Nguyễn Văn An" by "nguyen van an" (diacritics and case ignored), masked', async () => {
      const res = await call(t.baseUrl, 'GET', '/api/parties?q=NGUYEN%20van%20an', { token: specialist });
      expect(res.status).toBe(200);
      const names = res.body.items.map((p: any) => p.displayName);
      expect(names).toEqual(expect.arrayContaining(['Nguyễn Văn An', 'Nguyễn Văn Anh']));
      expect(names).not.toContain('Phạm Thị Đào');
      const item = res.body.items.find((p: any) => p.id === an.id);
      expect(item.identifiers[0].masked).toBe(`089******${anCccd.slice(-3)}`);
      expect(item.phone).toBe(`091****${anPhone.slice(-3)}`);
      expect(JSON.stringify(res.body)).not.toContain(anCccd);
      expect(JSON.stringify(res.body)).not.toContain(anPhone);
      const dao = await call(t.baseUrl, 'GET', '/api/parties?q=dao', { token: specialist });
      expect(dao.body.items.map((p: any) => p.displayName)).toContain('Phạm Thị Đào');
    });

    it('finds a party by its exact CCCD (with spaces) and by its phone, and nothing by a partial number', async () => {
      const byCccd = await call(t.baseUrl, 'GET', `/api/parties?q=${encodeURIComponent(` ${anCccd.slice(0, 6)} ${anCccd.slice(6)} `)}`, {
        token: reception,
      });
      expect(byCccd.body.items.map((p: any) => p.id)).toEqual([an.id]);
      const byPhone = await call(t.baseUrl, 'GET', `/api/parties?q=${encodeURIComponent(`+84${anPhone.slice(1)}`)}`, { token: reception });
      expect(byPhone.body.items.map((p: any) => p.id)).toEqual([an.id]);
      const partial = await call(t.baseUrl, 'GET', `/api/parties?q=${anCccd.slice(0, 8)}`, { token: reception });
      expect(partial.body.items).toEqual([]);
    });

    it('finds an enterprise by tax code and filters by type', async () => {
      const code = taxCode('180000001');
      const firm = await createParty({
        type: 'ENTERPRISE',
        name: 'Doanh nghiệp Tìm Kiếm',
        identifiers: [{ type: 'TAX_CODE', value: code }],
      });
      const res = await call(t.baseUrl, 'GET', `/api/parties?q=${code}`, { token: reception });
      expect(res.body.items.map((p: any) => p.id)).toEqual([firm.body.id]);
      const enterprises = await call(t.baseUrl, 'GET', '/api/parties?type=ENTERPRISE&limit=200', { token: reception });
      expect(enterprises.body.items.every((p: any) => p.type === 'ENTERPRISE')).toBe(true);
    });

    it('lists names starting with the text first, then the others containing it, paging across both without repeats', async () => {
      await created({ fullName: 'Lê Nguyễn Hoa' });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: any = await call(t.baseUrl, 'GET', `/api/parties?q=nguyen&limit=1${cursor ? `&cursor=${cursor}` : ''}`, {
          token: reception,
        });
        expect(res.status).toBe(200);
        seen.push(...res.body.items.map((p: any) => p.displayName));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(expect.arrayContaining(['Nguyễn Văn An', 'Nguyễn Văn Anh', 'Lê Nguyễn Hoa']));
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.indexOf('Lê Nguyễn Hoa')).toBe(seen.length - 1);
      expect(seen.indexOf('Nguyễn Văn An')).toBeLessThan(seen.indexOf('Nguyễn Văn Anh'));
      expect((await call(t.baseUrl, 'GET', '/api/parties?q=nguyen&cursor=garbage', { token: reception })).status).toBe(400);
      expect((await call(t.baseUrl, 'GET', '/api/parties?cursor=garbage', { token: reception })).status).toBe(400);
    });

    it('filters by the agency that served the party, within the caller’s scope', async () => {
      const served = await created({ fullName: 'Võ Văn Phục Vụ' });
      await link((await dossier()).id, served.id);
      const center = (await db.query(`SELECT id FROM agencies WHERE code = $1`, [CENTER])).rows[0].id;
      const res = await call(t.baseUrl, 'GET', `/api/parties?agencyId=${center}&q=phuc vu`, { token: reception });
      expect(res.body.items.map((p: any) => p.id)).toEqual([served.id]);
      const outOfScope = await call(t.baseUrl, 'GET', `/api/parties?agencyId=${center}`, { token: receptionElsewhere });
      expect(outOfScope.status).toBe(400);
      expect(outOfScope.body.errors[0]).toMatchObject({ field: 'agencyId', rule: 'agencyInScope' });
    });
  });

  describe('detail, reveal and the access log', () => {
    let party: any;
    let value: string;
    let partyPhone: string;

    beforeAll(async () => {
      value = cccd();
      partyPhone = phone();
      party = await created({ fullName: 'Đặng Văn Lộ', identifiers: [{ type: 'CCCD', value }], phone: partyPhone });
    });

    it('shows the detail masked, with the dossier history in the caller’s scope, and logs the read', async () => {
      const d = await dossier();
      await link(d.id, party.id);
      const res = await call(t.baseUrl, 'GET', `/api/parties/${party.id}`, { token: specialist });
      expect(res.status).toBe(200);
      expect(res.body.identifiers[0].masked).toBe(`089******${value.slice(-3)}`);
      expect(res.body.phone).toBe(`091****${partyPhone.slice(-3)}`);
      expect(JSON.stringify(res.body)).not.toContain(value);
      // chuyenvien.stp: the criminal-record procedure is handled by the Department of Justice.
      expect(res.body.dossiers).toEqual([
        expect.objectContaining({ dossierId: d.id, code: d.code, role: 'OWNER', procedureCode: CRIMINAL_RECORD }),
      ]);
      const elsewhere = await call(t.baseUrl, 'GET', `/api/parties/${party.id}`, { token: receptionElsewhere });
      expect(elsewhere.body.dossiers).toEqual([]);

      const log = await accessLog(party.id, await login(t.baseUrl, 'thanhtra.tinh'));
      expect(log.find((e) => e.action === 'READ' && e.username === 'chuyenvien.stp')).toMatchObject({
        roles: ['SPECIALIST'],
        agencyName: 'Sở Tư pháp tỉnh An Giang',
        fields: expect.arrayContaining(['name', 'identifiers.masked', 'phone.masked']),
      });
    });

    it('answers 404 for an unknown party and 400 for a malformed id', async () => {
      expect((await call(t.baseUrl, 'GET', '/api/parties/00000000-0000-4000-8000-000000000000', { token: reception })).status).toBe(404);
      const bad = await call(t.baseUrl, 'GET', '/api/parties/not-a-uuid', { token: reception });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0]).toMatchObject({ field: 'id', rule: 'isUuid' });
    });

    it('refuses a reveal without a purpose (400)', async () => {
      const res = await call(t.baseUrl, 'POST', `/api/parties/${party.id}/reveal`, { token: reception, body: {} });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'purpose' })]));
      const blank = await call(t.baseUrl, 'POST', `/api/parties/${party.id}/reveal`, { token: reception, body: { purpose: '   ' } });
      expect(blank.status).toBe(400);
    });

    it('reveals identifiers and phone for a purpose, and an auditor sees the reveal in the access log and the audit trail', async () => {
      const purpose = 'Đối chiếu CCCD khi trả kết quả';
      const res = await call(t.baseUrl, 'POST', `/api/parties/${party.id}/reveal`, { token: reception, body: { purpose } });
      expect(res.status).toBe(200);
      expect(res.body.identifiers).toEqual([expect.objectContaining({ type: 'CCCD', value })]);
      expect(res.body.phones).toEqual([expect.objectContaining({ value: partyPhone, validTo: null })]);

      const log = await accessLog(party.id);
      const reveal = log.find((e) => e.action === 'REVEAL');
      expect(reveal).toMatchObject({ username: 'tiepnhan.ttpvhcc', roles: ['RECEPTION'], purpose, fields: ['identifiers', 'phone'] });
      expect(reveal.ip).toBeTruthy();
      expect(reveal.requestId).toBeTruthy();
      expect(JSON.stringify(log)).not.toContain(value);
      const audit = await db.query(`SELECT after FROM audit_events WHERE action = 'party.revealed' AND target_id = $1`, [party.id]);
      expect(audit.rows[0].after).toEqual({ fields: ['identifiers', 'phone'], purpose });
    });

    it('reveals only the fields asked for', async () => {
      const res = await call(t.baseUrl, 'POST', `/api/parties/${party.id}/reveal`, {
        token: reception,
        body: { purpose: 'Gọi điện báo bổ sung hồ sơ', fields: ['PHONE'] },
      });
      expect(res.body.identifiers).toEqual([]);
      expect(res.body.phones).toHaveLength(1);
    });

    it('forbids the reveal to a specialist (no parties:reveal) and to a desk outside the party’s agencies', async () => {
      const res = await call(t.baseUrl, 'POST', `/api/parties/${party.id}/reveal`, {
        token: specialist,
        body: { purpose: 'Tò mò xem thử' },
      });
      expect(res.status).toBe(403);
      expect(res.body.requiredPermission).toBe('parties:reveal');
      const elsewhere = await call(t.baseUrl, 'POST', `/api/parties/${party.id}/reveal`, {
        token: receptionElsewhere,
        body: { purpose: 'Xem số CCCD của người khác' },
      });
      expect(elsewhere.status).toBe(403);
      expect(elsewhere.body.code).toBe('PARTY_OUT_OF_SCOPE');
    });

    it('keeps the access log for auditors only, filtered by user and action, and exports it as CSV', async () => {
      expect((await call(t.baseUrl, 'GET', '/api/parties/access-log', { token: reception })).status).toBe(403);
      const receptionId = (await db.query(`SELECT id FROM users WHERE username = 'tiepnhan.ttpvhcc'`)).rows[0].id;
      const res = await call(t.baseUrl, 'GET', `/api/parties/access-log?userId=${receptionId}&action=REVEAL&limit=1`, { token: auditor });
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(1);
      expect(res.body.items[0]).toMatchObject({ userId: receptionId, action: 'REVEAL' });
      expect(res.body.nextCursor).toBeTruthy();
      const next = await call(
        t.baseUrl,
        'GET',
        `/api/parties/access-log?userId=${receptionId}&action=REVEAL&cursor=${res.body.nextCursor}`,
        {
          token: auditor,
        },
      );
      expect(next.body.items[0].id).not.toBe(res.body.items[0].id);
      // An auditor of a district sees its own staff's accesses, not the provincial center's.
      const other = await call(t.baseUrl, 'GET', `/api/parties/access-log?partyId=${party.id}`, {
        token: await login(t.baseUrl, 'thanhtra.longxuyen'),
      });
      expect(other.body.items.map((e: any) => e.username)).toEqual(['tiepnhan.longxuyen']);

      const from = new Date(Date.now() - 3600_000).toISOString();
      const to = new Date(Date.now() + 3600_000).toISOString();
      const file = await download(`/api/parties/access-log/export?partyId=${party.id}&from=${from}&to=${to}`, auditor);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toContain('text/csv');
      const text = file.body.toString('utf8');
      expect(text.charCodeAt(0)).toBe(0xfeff);
      expect(text).toContain('REVEAL');
      expect(text).not.toContain(value);
      const audit = await db.query(`SELECT after FROM audit_events WHERE action = 'party-access-log.exported'`);
      expect(audit.rows[0].after).toMatchObject({ sha256: file.headers.get('x-export-sha256') });
    });

    it('exports everything held about the party for a subject-access request, with who accessed it, logged', async () => {
      expect((await call(t.baseUrl, 'POST', `/api/parties/${party.id}/subject-access`, { token: reception, body: {} })).status).toBe(400);
      const res = await call(t.baseUrl, 'POST', `/api/parties/${party.id}/subject-access`, {
        token: reception,
        body: { purpose: 'Đơn yêu cầu của chủ thể dữ liệu' },
      });
      expect(res.status).toBe(200);
      expect(res.body.party.id).toBe(party.id);
      expect(res.body.identifiers).toEqual([expect.objectContaining({ type: 'CCCD', value })]);
      expect(res.body.contacts).toEqual([expect.objectContaining({ kind: 'PHONE', value: partyPhone })]);
      expect(res.body.accessLog.map((e: any) => e.action)).toEqual(expect.arrayContaining(['READ', 'REVEAL']));
      const log = await accessLog(party.id);
      expect(log[0]).toMatchObject({ action: 'EXPORT', fields: ['subjectAccess'], purpose: 'Đơn yêu cầu của chủ thể dữ liệu' });
      expect(
        (
          await call(t.baseUrl, 'POST', `/api/parties/${party.id}/subject-access`, {
            token: specialist,
            body: { purpose: 'Xem thử dữ liệu' },
          })
        ).status,
      ).toBe(403);
    });

    it('refuses to alter the access log, even from SQL', async () => {
      await expect(db.query('UPDATE party_access_log SET purpose = NULL')).rejects.toThrow(/append-only/);
      await expect(db.query('DELETE FROM party_access_log')).rejects.toThrow(/append-only/);
    });
  });

  describe('update and contact versions', () => {
    it('answers 409 to a stale version and keeps the old phone as history when it changes', async () => {
      const oldPhone = phone();
      const newPhone = phone();
      const party = await created({ fullName: 'Huỳnh Văn Cũ', phone: oldPhone });
      const stale = await call(t.baseUrl, 'PATCH', `/api/parties/${party.id}`, {
        token: reception,
        body: { version: 99, fullName: 'X Y' },
      });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'STALE_VERSION', currentVersion: 1 });

      const res = await call(t.baseUrl, 'PATCH', `/api/parties/${party.id}`, {
        token: reception,
        body: { version: 1, phone: newPhone, fullName: 'Huỳnh Văn Mới', email: 'moi@example.vn' },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        version: 2,
        fullName: 'Huỳnh Văn Mới',
        phone: `091****${newPhone.slice(-3)}`,
        email: 'moi@example.vn',
      });
      const phones = res.body.contacts.filter((c: any) => c.kind === 'PHONE');
      expect(phones).toHaveLength(2);
      expect(phones[0]).toMatchObject({ value: `091****${newPhone.slice(-3)}`, validTo: null });
      expect(phones[1].validTo).not.toBeNull();
      const again = await call(t.baseUrl, 'PATCH', `/api/parties/${party.id}`, {
        token: reception,
        body: { version: 1, fullName: 'Zed Y' },
      });
      expect(again.status).toBe(409);

      const revealed = await call(t.baseUrl, 'POST', `/api/parties/${party.id}/reveal`, {
        token: reception,
        body: { purpose: 'Kiểm tra số cũ' },
      });
      expect(revealed.body.phones.map((p: any) => p.value)).toEqual([newPhone, oldPhone]);
      // The same phone again changes nothing.
      const same = await call(t.baseUrl, 'PATCH', `/api/parties/${party.id}`, { token: reception, body: { version: 2, phone: newPhone } });
      expect(same.body.version).toBe(2);
      const audit = await db.query(`SELECT after FROM audit_events WHERE action = 'party.updated' AND target_id = $1`, [party.id]);
      expect(audit.rows[0].after.changed).toEqual(expect.arrayContaining(['fullName', 'phone', 'email']));
      expect(JSON.stringify(audit.rows)).not.toContain(newPhone);
    });

    it('adds and removes identifiers, refusing one registered to someone else (409)', async () => {
      const party = await created({ identifiers: [] });
      const other = await created();
      const otherCccd = (
        await call(t.baseUrl, 'POST', `/api/parties/${other.id}/reveal`, { token: reception, body: { purpose: 'Kiểm thử' } })
      ).body.identifiers[0].value;
      const taken = await call(t.baseUrl, 'PATCH', `/api/parties/${party.id}`, {
        token: reception,
        body: { version: 1, addIdentifiers: [{ type: 'CCCD', value: otherCccd }] },
      });
      expect(taken.status).toBe(409);
      expect(taken.body).toMatchObject({ existingPartyId: other.id });
      expect(taken.body.errors[0].field).toBe('addIdentifiers.0.value');

      const cmnd = await call(t.baseUrl, 'PATCH', `/api/parties/${party.id}`, {
        token: reception,
        body: { version: 1, addIdentifiers: [{ type: 'CMND', value: '351234567' }] },
      });
      expect(cmnd.status).toBe(200);
      expect(cmnd.body.identifiers).toEqual([expect.objectContaining({ type: 'CMND', masked: '35*****67' })]);
      const removed = await call(t.baseUrl, 'PATCH', `/api/parties/${party.id}`, {
        token: reception,
        body: { version: 2, removeIdentifierIds: [cmnd.body.identifiers[0].id] },
      });
      expect(removed.body.identifiers).toEqual([]);
      const invalid = await call(t.baseUrl, 'PATCH', `/api/parties/${party.id}`, {
        token: reception,
        body: { version: 3, addIdentifiers: [{ type: 'CCCD', value: '123' }] },
      });
      expect(invalid.status).toBe(400);
      expect(invalid.body.errors[0]).toMatchObject({ field: 'addIdentifiers.0.value', rule: 'cccdFormat' });
    });
  });

  describe('duplicates and merge', () => {
    it('lists suspected duplicates by name and birth date and by phone, for administrators', async () => {
      const sharedPhone = phone();
      const a = await created({ fullName: 'Lý Thị Trùng', dateOfBirth: '1970-07-07', identifiers: [] });
      const b = await created({ fullName: 'LÝ THỊ TRÙNG', dateOfBirth: '1970-07-07', identifiers: [] });
      const c = await created({ fullName: 'Khác Tên Một', phone: sharedPhone });
      const d = await created({ fullName: 'Khác Tên Hai', phone: sharedPhone });
      expect((await call(t.baseUrl, 'GET', '/api/parties/duplicates', { token: reception })).status).toBe(403);
      const byName = await call(t.baseUrl, 'GET', '/api/parties/duplicates?limit=200', { token: admin });
      expect(byName.status).toBe(200);
      const group = byName.body.items.find((g: any) => g.parties.some((p: any) => p.id === a.id));
      expect(group.parties.map((p: any) => p.id).sort()).toEqual([a.id, b.id].sort());
      const byPhone = await call(t.baseUrl, 'GET', '/api/parties/duplicates?reason=PHONE&limit=200', { token: admin });
      const phoneGroup = byPhone.body.items.find((g: any) => g.parties.some((p: any) => p.id === c.id));
      expect(phoneGroup).toMatchObject({ reason: 'PHONE' });
      expect(phoneGroup.parties.map((p: any) => p.id).sort()).toEqual([c.id, d.id].sort());
    });

    it('merges a duplicate into the survivor: dossier links, identifiers and contacts move in one step, traced', async () => {
      const survivorCccd = cccd();
      const mergedCccd = cccd();
      const mergedPhone = phone();
      const survivor = await created({ fullName: 'Mai Văn Gộp', identifiers: [{ type: 'CCCD', value: survivorCccd }] });
      const merged = await created({
        fullName: 'Mai Van Gop',
        identifiers: [
          { type: 'CMND', value: '351999888' },
          { type: 'CCCD', value: mergedCccd },
        ],
        phone: mergedPhone,
      });
      const shared = await dossier(undefined, survivor.id);
      const own = await dossier(undefined, merged.id);
      await link(shared.id, merged.id);
      await link(own.id, merged.id, 'SUBMITTER');

      expect(
        (
          await call(t.baseUrl, 'POST', '/api/parties/merge', {
            token: reception,
            body: { survivorId: survivor.id, mergedId: merged.id, reason: 'Cùng một người' },
          })
        ).status,
      ).toBe(403);
      const self = await call(t.baseUrl, 'POST', '/api/parties/merge', {
        token: admin,
        body: { survivorId: survivor.id, mergedId: survivor.id, reason: 'Nhầm lẫn' },
      });
      expect(self.status).toBe(409);
      expect(self.body.code).toBe('PARTY_MERGE_SELF');

      const res = await call(t.baseUrl, 'POST', '/api/parties/merge', {
        token: admin,
        body: { survivorId: survivor.id, mergedId: merged.id, reason: 'Cùng một người: trùng CMND cũ và CCCD' },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        survivorId: survivor.id,
        mergedId: merged.id,
        moved: { dossierLinks: 2, identifiers: 2, contacts: 1 },
      });

      const links = await db.query(
        'SELECT dossier_id, role, party_id FROM dossier_parties WHERE dossier_id = ANY($1) ORDER BY role, dossier_id = $2 DESC',
        [[shared.id, own.id], shared.id],
      );
      expect(links.rows).toEqual([
        { dossier_id: shared.id, role: 'OWNER', party_id: survivor.id },
        { dossier_id: own.id, role: 'OWNER', party_id: survivor.id },
        { dossier_id: own.id, role: 'SUBMITTER', party_id: survivor.id },
      ]);
      const after = await call(t.baseUrl, 'GET', `/api/parties/${survivor.id}`, { token: reception });
      expect(after.body.identifiers.map((i: any) => i.type).sort()).toEqual(['CCCD', 'CCCD', 'CMND']);
      expect(after.body.phone).toBe(`091****${mergedPhone.slice(-3)}`);
      const gone = await call(t.baseUrl, 'GET', `/api/parties/${merged.id}`, { token: reception });
      expect(gone.body).toMatchObject({ status: 'MERGED', mergedIntoId: survivor.id, identifiers: [] });
      // The merged record's identifier now finds the survivor.
      const search = await call(t.baseUrl, 'GET', `/api/parties?q=${mergedCccd}`, { token: reception });
      expect(search.body.items.map((p: any) => p.id)).toEqual([survivor.id]);
      const trace = await db.query('SELECT survivor_id, merged_id, reason FROM party_merges WHERE merged_id = $1', [merged.id]);
      expect(trace.rows).toEqual([{ survivor_id: survivor.id, merged_id: merged.id, reason: 'Cùng một người: trùng CMND cũ và CCCD' }]);
      const audit = await db.query(`SELECT after FROM audit_events WHERE action = 'party.merged' AND target_id = $1`, [survivor.id]);
      expect(audit.rows[0].after).toMatchObject({ mergedId: merged.id });
      expect((await accessLog(merged.id, await login(t.baseUrl, 'thanhtra.tinh'))).map((e) => e.action)).toContain('MERGE');

      const again = await call(t.baseUrl, 'POST', '/api/parties/merge', {
        token: admin,
        body: { survivorId: survivor.id, mergedId: merged.id, reason: 'Lần hai' },
      });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('PARTY_NOT_ACTIVE');
      const patch = await call(t.baseUrl, 'PATCH', `/api/parties/${merged.id}`, {
        token: reception,
        body: { version: 2, fullName: 'Không được' },
      });
      expect(patch.status).toBe(409);
    });
  });

  describe('restriction of processing (subject request)', () => {
    it('stops reveals and contact exports until an administrator lifts it, and is audited', async () => {
      const party = await created({ fullName: 'Hồ Thị Hạn Chế' });
      const restrict = (token: string, body: object = { reason: 'Công dân yêu cầu hạn chế xử lý (Luật 91/2025)' }) =>
        call(t.baseUrl, 'POST', `/api/parties/${party.id}/restrict`, { token, body });
      expect((await restrict(reception)).status).toBe(403);
      const restricted = await restrict(admin);
      expect(restricted.status).toBe(200);
      expect(restricted.body.restriction).toMatchObject({ reason: expect.stringContaining('hạn chế') });
      expect((await restrict(admin)).body.code).toBe('PARTY_ALREADY_RESTRICTED');

      const reveal = await call(t.baseUrl, 'POST', `/api/parties/${party.id}/reveal`, {
        token: reception,
        body: { purpose: 'Đối chiếu hồ sơ' },
      });
      expect(reveal.status).toBe(409);
      expect(reveal.body.code).toBe('PARTY_RESTRICTED');
      // Still readable (masked, logged) so the office can see why it cannot use it.
      expect((await call(t.baseUrl, 'GET', `/api/parties/${party.id}`, { token: reception })).body.restriction).not.toBeNull();

      const lifted = await call(t.baseUrl, 'POST', `/api/parties/${party.id}/lift-restriction`, { token: admin });
      expect(lifted.body.restriction).toBeNull();
      expect(
        (await call(t.baseUrl, 'POST', `/api/parties/${party.id}/reveal`, { token: reception, body: { purpose: 'Đối chiếu hồ sơ' } }))
          .status,
      ).toBe(200);
      const audit = await db.query('SELECT action FROM audit_events WHERE target_id = $1 AND action LIKE $2 ORDER BY id', [
        party.id,
        'party.restri%',
      ]);
      expect(audit.rows.map((r: { action: string }) => r.action)).toEqual(['party.restricted', 'party.restriction-lifted']);
    });
  });

  describe('pseudonymisation', () => {
    it('replaces the personal fields, removes identifiers and contacts, keeps the record and its dossiers, audited', async () => {
      const value = cccd();
      const party = await created({
        fullName: 'Tô Thị Ẩn',
        identifiers: [{ type: 'CCCD', value }],
        phone: phone(),
        consents: [{ channel: 'SMS', purpose: 'SURVEY' }],
      });
      const d = await dossier();
      await link(d.id, party.id);
      expect(
        (await call(t.baseUrl, 'POST', `/api/parties/${party.id}/pseudonymise`, { token: reception, body: { reason: 'Theo yêu cầu' } }))
          .status,
      ).toBe(403);
      expect((await call(t.baseUrl, 'POST', `/api/parties/${party.id}/pseudonymise`, { token: admin, body: {} })).status).toBe(400);
      const res = await call(t.baseUrl, 'POST', `/api/parties/${party.id}/pseudonymise`, {
        token: admin,
        body: { reason: 'Hết thời hạn lưu trữ dữ liệu cá nhân' },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'PSEUDONYMISED', dateOfBirth: null, sex: null, identifiers: [], phone: null, contacts: [] });
      expect(res.body.displayName).toMatch(/^Đã ẩn danh /);
      expect(res.body.consents[0].withdrawnAt).not.toBeNull();
      expect(res.body.dossiers.map((x: any) => x.dossierId)).toEqual([d.id]);
      const raw = await db.query(`SELECT row_to_json(p)::text AS row FROM parties p WHERE id = $1`, [party.id]);
      expect(raw.rows[0].row).not.toContain('Tô Thị Ẩn');
      const audit = await db.query(`SELECT after FROM audit_events WHERE action = 'party.pseudonymised' AND target_id = $1`, [party.id]);
      expect(audit.rows[0].after).toMatchObject({ identifiersRemoved: 1, contactsRemoved: 1 });
      // The person can be registered afresh later.
      expect((await createParty(person({ identifiers: [{ type: 'CCCD', value }] }))).status).toBe(201);
      expect(
        (await call(t.baseUrl, 'POST', `/api/parties/${party.id}/pseudonymise`, { token: admin, body: { reason: 'Lần nữa' } })).status,
      ).toBe(409);
    });
  });

  describe('consent and the contact list', () => {
    it('exports only the parties who consented (and did not withdraw), logged as EXPORT and audited', async () => {
      const yesPhone = phone();
      const noPhone = phone();
      const yes = await created({ fullName: 'Bùi Đồng Ý', phone: yesPhone, email: 'dongy@example.vn' });
      const no = await created({ fullName: 'Bùi Không Đồng Ý', phone: noPhone });
      const withdrawn = await created({ fullName: 'Bùi Rút Lại', phone: phone() });
      for (const p of [yes, no, withdrawn]) await link((await dossier()).id, p.id);

      const consent = await call(t.baseUrl, 'POST', `/api/parties/${yes.id}/consents`, {
        token: reception,
        body: { channel: 'SMS', purpose: 'SURVEY' },
      });
      expect(consent.status).toBe(201);
      expect(consent.body).toMatchObject({ channel: 'SMS', purpose: 'SURVEY', withdrawnAt: null });
      const given = await call(t.baseUrl, 'POST', `/api/parties/${withdrawn.id}/consents`, {
        token: reception,
        body: { channel: 'PHONE', purpose: 'SURVEY' },
      });
      const withdraw = await call(t.baseUrl, 'POST', `/api/parties/${withdrawn.id}/consents/${given.body.id}/withdraw`, {
        token: reception,
      });
      expect(withdraw.status).toBe(200);
      expect(withdraw.body.withdrawnAt).not.toBeNull();

      expect((await download('/api/parties/contacts/export?purpose=SURVEY', specialist)).status).toBe(403);
      const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
      const file = await download(`/api/parties/contacts/export?purpose=SURVEY&from=${today}&to=${today}`, reception);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(file.headers.get('content-disposition')).toMatch(/attachment; filename="danh-sach-lien-he-survey-.*\.csv"/);
      const text = file.body.toString('utf8');
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const lines = text.slice(1).trim().split('\r\n');
      expect(lines[0]).toBe('Họ tên / Tên,Điện thoại,Thư điện tử,Địa chỉ,Kênh đồng ý,Đồng ý từ,Số hồ sơ,Hồ sơ gần nhất');
      const names = lines.slice(1).map((l) => l.split(',')[0]);
      expect(names).toContain('Bùi Đồng Ý');
      expect(names).not.toContain('Bùi Không Đồng Ý');
      expect(names).not.toContain('Bùi Rút Lại');
      const yesLine = lines.find((l) => l.startsWith('Bùi Đồng Ý,')) as string;
      // Consent by SMS: the phone, not the e-mail.
      expect(yesLine).toContain(yesPhone);
      expect(yesLine).not.toContain('dongy@example.vn');
      expect(text).not.toContain(noPhone);

      const log = await accessLog(yes.id);
      expect(log.find((e) => e.action === 'EXPORT')).toMatchObject({ username: 'tiepnhan.ttpvhcc', purpose: 'CONTACT_LIST:SURVEY' });
      expect((await accessLog(no.id)).find((e) => e.action === 'EXPORT')).toBeUndefined();
      const audit = await db.query(`SELECT after FROM audit_events WHERE action = 'party.contacts-exported' ORDER BY id DESC LIMIT 1`);
      expect(audit.rows[0].after).toMatchObject({ purpose: 'SURVEY', format: 'csv', sha256: file.headers.get('x-export-sha256') });
      expect(audit.rows[0].after.rows).toBeGreaterThanOrEqual(1);
      expect(JSON.stringify(audit.rows[0].after)).not.toContain(yesPhone);

      const xlsx = await download('/api/parties/contacts/export?purpose=SURVEY&format=xlsx', reception);
      expect(xlsx.status).toBe(200);
      expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(xlsx.body.subarray(0, 2).toString()).toBe('PK');

      const outside = await download('/api/parties/contacts/export?purpose=SURVEY', receptionElsewhere);
      expect(outside.status).toBe(200);
      expect(outside.body.toString('utf8')).not.toContain('Bùi Đồng Ý');
    });
  });

  describe('encryption at rest', () => {
    it('stores no identifier or phone in clear in any registry table, the access log or the audit trail', async () => {
      const value = cccd();
      const secretPhone = phone();
      const party = await created({ identifiers: [{ type: 'CCCD', value }], phone: secretPhone, email: 'an.toan@example.vn' });
      await call(t.baseUrl, 'POST', `/api/parties/${party.id}/reveal`, { token: reception, body: { purpose: 'Kiểm tra mã hoá' } });
      for (const table of ['parties', 'party_identifiers', 'party_contacts', 'party_access_log', 'party_consents', 'audit_events']) {
        const rows = await db.query(`SELECT row_to_json(x)::text AS row FROM ${table} x`);
        const dump = rows.rows.map((r) => r.row).join('\n');
        expect(dump).not.toContain(value);
        expect(dump).not.toContain(secretPhone);
        expect(dump).not.toContain('an.toan@example.vn');
      }
      const stored = await db.query(
        `SELECT key_id, length(value_encrypted) AS bytes, length(lookup_hash) AS hash FROM party_identifiers pi WHERE party_id = $1`,
        [party.id],
      );
      expect(stored.rows).toEqual([{ key_id: 'test', bytes: 12 + 16 + 12, hash: 32 }]);
    });
  });

  describe('the service the dossier intake calls', () => {
    it('reuses the party of a known identifier without overwriting it, opening a new phone version, and creates unknown ones', async () => {
      const value = cccd();
      const firstPhone = phone();
      const party = await created({ fullName: 'Phan Văn Cũ', identifiers: [{ type: 'CCCD', value }], phone: firstPhone });
      const newPhone = phone();
      const reused = await dataSource().transaction((tx) =>
        service().resolveApplicant(tx, undefined, {
          type: 'INDIVIDUAL',
          fullName: 'Phan Văn Khác',
          identifiers: [
            { type: 'CCCD', value },
            { type: 'CMND', value: '351000111' },
          ],
          phone: newPhone,
        }),
      );
      expect(reused.partyId).toBe(party.id);
      expect(reused.warnings).toEqual(['Họ tên đã nhập khác với họ tên trong danh bạ công dân; danh bạ được giữ nguyên.']);
      const detail = await call(t.baseUrl, 'GET', `/api/parties/${party.id}`, { token: reception });
      expect(detail.body.fullName).toBe('Phan Văn Cũ');
      expect(detail.body.identifiers.map((i: any) => i.type)).toEqual(['CCCD', 'CMND']);
      expect(detail.body.contacts.filter((c: any) => c.kind === 'PHONE')).toHaveLength(2);

      const fresh = await dataSource().transaction((tx) =>
        service().resolveApplicant(tx, undefined, {
          type: 'INDIVIDUAL',
          fullName: 'Người Mới Toanh',
          identifiers: [{ type: 'CCCD', value: cccd('woman2003') }],
          sex: 'MALE',
        }),
      );
      expect(fresh.partyId).not.toBe(party.id);
      expect(fresh.warnings).toHaveLength(1);
    });

    it('resolves a partyId, following a merge, and names applicant.partyId when it is unknown or pseudonymised', async () => {
      const a = await created();
      const b = await created();
      await call(t.baseUrl, 'POST', '/api/parties/merge', {
        token: admin,
        body: { survivorId: a.id, mergedId: b.id, reason: 'Trùng lặp' },
      });
      const resolved = await dataSource().transaction((tx) => service().resolveApplicant(tx, undefined, { partyId: b.id }));
      expect(resolved.partyId).toBe(a.id);
      expect(resolved.warnings).toHaveLength(1);
      await expect(
        dataSource().transaction((tx) => service().resolveApplicant(tx, undefined, { partyId: '00000000-0000-4000-8000-000000000000' })),
      ).rejects.toMatchObject({ init: { status: 400, errors: [{ field: 'applicant.partyId', rule: 'partyExists' }] } });
      await call(t.baseUrl, 'POST', `/api/parties/${a.id}/pseudonymise`, { token: admin, body: { reason: 'Theo yêu cầu' } });
      await expect(dataSource().transaction((tx) => service().resolveApplicant(tx, undefined, { partyId: b.id }))).rejects.toMatchObject({
        init: { errors: [{ field: 'applicant.partyId', rule: 'partyActive' }] },
      });
    });

    it('refuses invalid applicant data with the applicant’s field paths', async () => {
      await expect(
        dataSource().transaction((tx) =>
          service().resolveApplicant(tx, undefined, {
            type: 'INDIVIDUAL',
            fullName: 'A B',
            identifiers: [{ type: 'CCCD', value: '003085000001' }],
          }),
        ),
      ).rejects.toMatchObject({ init: { errors: [{ field: 'applicant.identifiers.0.value', rule: 'cccdProvince' }] } });
    });

    it('gives two concurrent intakes of a new person one party', async () => {
      const value = cccd();
      const resolve = () =>
        dataSource().transaction((tx) =>
          service().resolveApplicant(tx, undefined, { type: 'INDIVIDUAL', fullName: 'Song Song', identifiers: [{ type: 'CCCD', value }] }),
        );
      const [x, y] = await Promise.all([resolve(), resolve()]);
      expect(x.partyId).toBe(y.partyId);
      const count = await db.query(`SELECT count(*)::int AS n FROM parties WHERE full_name = 'Song Song'`);
      expect(count.rows[0].n).toBe(1);
    });

    it('registers the applicants of dossiers received before the registry, once', async () => {
      const value = cccd();
      const res = await call(t.baseUrl, 'POST', '/api/dossiers', {
        token: reception,
        body: {
          procedureCode: CRIMINAL_RECORD,
          receivingAgencyCode: CENTER,
          channel: 'DIRECT',
          applicant: { type: 'INDIVIDUAL', fullName: 'Hồ Sơ Cũ', identifiers: [{ type: 'CCCD', value }], phone: phone() },
          documents,
        },
      });
      expect(res.status).toBe(201);
      await service().adoptLegacyApplicants();
      await service().adoptLegacyApplicants();
      const owner = await db.query(`SELECT party_id FROM dossier_parties WHERE dossier_id = $1 AND role = 'OWNER'`, [res.body.id]);
      expect(owner.rows).toHaveLength(1);
      const search = await call(t.baseUrl, 'GET', `/api/parties?q=${value}`, { token: reception });
      expect(search.body.items.map((p: any) => p.id)).toEqual([owner.rows[0].party_id]);
      expect(search.body.items[0].displayName).toBe('Hồ Sơ Cũ');
    });
  });
});
