import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { canonicalRecord } from '../src/modules/audit/audit.service';
import { receiveAtCounter } from './support/dossier-fixtures';
import { call, login } from './support/http';
import { startTestApp, TestApp } from './support/test-app';

/** Splits one CSV line of quoted fields (the export quotes every field). */
function csvFields(line: string): string[] {
  return [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1].replace(/""/g, '"'));
}

describe('audit trail: browse, verify the chain, export with hashes', () => {
  let t: TestApp;
  let db: Client;
  let auditor: string;
  const startedAt = new Date(Date.now() - 60_000).toISOString();

  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'true' });
    db = new Client({ connectionString: t.database.url });
    await db.connect();
    auditor = await login(t.baseUrl, 'thanhtra.tinh');
    const reception = await login(t.baseUrl, 'tiepnhan.ttpvhcc');
    await receiveAtCounter(t.baseUrl, reception, 'Võ Thị Sáu');
    await receiveAtCounter(t.baseUrl, reception, 'Nguyễn Trung Trực');
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  const verify = async () => (await call(t.baseUrl, 'GET', '/api/audit/verify', { token: auditor })).body;

  it('lists records newest first with filters, and only an agency’s own actors to its auditor', async () => {
    const page = await call(t.baseUrl, 'GET', '/api/audit?action=dossier.*&limit=5', { token: auditor });
    expect(page.status).toBe(200);
    expect(page.body.items.length).toBe(2);
    expect(page.body.items[0]).toMatchObject({
      action: 'dossier.received',
      actorName: 'tiepnhan.ttpvhcc',
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(Number(page.body.items[0].id)).toBeGreaterThan(Number(page.body.items[1].id));
    const district = await call(t.baseUrl, 'GET', '/api/audit?action=dossier.*', { token: await login(t.baseUrl, 'thanhtra.longxuyen') });
    expect(district.body.items).toEqual([]);
    const specialist = await call(t.baseUrl, 'GET', '/api/audit', { token: await login(t.baseUrl, 'chuyenvien.stp') });
    expect(specialist.status).toBe(403);
  });

  it('exports a range with the canonical text so the chain can be checked outside the product, and audits the export', async () => {
    const res = await fetch(
      `${t.baseUrl}/api/audit/export?from=${startedAt}&to=${new Date(Date.now() + 60_000).toISOString()}&format=csv`,
      {
        headers: { authorization: `Bearer ${auditor}` },
      },
    );
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM, for Excel
    const rows = bytes.subarray(3).toString('utf8').trim().split('\r\n').slice(1).map(csvFields);
    expect(rows.length).toBeGreaterThan(2);
    for (const [, , , , , , prevHash, hash, canonical] of rows) {
      expect(
        createHash('sha256')
          .update(prevHash + canonical)
          .digest('hex'),
      ).toBe(hash);
    }
    for (let i = 1; i < rows.length; i++) expect(rows[i][6]).toBe(rows[i - 1][7]);
    const exported = await db.query("SELECT count(*)::int AS n FROM audit_events WHERE action = 'audit.exported'");
    expect(exported.rows[0].n).toBe(1);
  });

  it('chains a record when its transaction commits, so a transaction left open holds up no other writer', async () => {
    const draft = {
      at: new Date(),
      actorType: 'system' as const,
      actorId: null,
      actorName: null,
      roles: [],
      agencyId: null,
      action: 'test.long-transaction',
      targetType: null,
      targetId: null,
      before: null,
      after: { note: 'Giao dịch kéo dài' },
      requestId: null,
      ip: null,
    };
    const open = new Client({ connectionString: t.database.url });
    await open.connect();
    try {
      await open.query('BEGIN');
      const inserted = await open.query(
        `INSERT INTO audit_events (at, actor_type, roles, action, after, chain_input) VALUES ($1, 'system', '{}', $2, $3, $4) RETURNING id, hash`,
        [draft.at, draft.action, JSON.stringify(draft.after), canonicalRecord(draft)],
      );
      expect(inserted.rows[0].hash).toBeNull(); // not in the chain until its commit

      // A counter intake elsewhere writes its own record meanwhile, and is not kept waiting.
      const reception = await login(t.baseUrl, 'tiepnhan.ttpvhcc');
      let timer: NodeJS.Timeout | undefined;
      const intake = await Promise.race([
        receiveAtCounter(t.baseUrl, reception, 'Trần Văn Thời'),
        new Promise((resolve) => (timer = setTimeout(() => resolve('blocked'), 10_000))),
      ]).finally(() => clearTimeout(timer));
      expect(intake).toMatchObject({ code: expect.any(String) });
      const received = await db.query(`SELECT id, hash FROM audit_events WHERE action = 'dossier.received' AND target_id = $1`, [
        (intake as { code: string }).code,
      ]);
      expect(received.rows[0].hash).toMatch(/^[0-9a-f]{64}$/);

      // The unsealed record cannot be given a hash by hand either.
      await open.query('SAVEPOINT forge');
      await expect(
        open.query(`UPDATE audit_events SET hash = repeat('a', 64), prev_hash = repeat('0', 64) WHERE id = $1`, [inserted.rows[0].id]),
      ).rejects.toThrow(/append-only/);
      await open.query('ROLLBACK TO SAVEPOINT forge');
      await open.query('COMMIT');

      // Sealed at its commit: after the intake's record in the chain, linked to the head it found.
      const sealed = (await db.query(`SELECT id, prev_hash, hash FROM audit_events WHERE action = 'test.long-transaction'`)).rows[0];
      expect(BigInt(sealed.id)).toBeGreaterThan(BigInt(received.rows[0].id));
      const before = (await db.query('SELECT hash FROM audit_events WHERE id < $1 ORDER BY id DESC LIMIT 1', [sealed.id])).rows[0];
      expect(sealed.prev_hash).toBe(before.hash);
      expect(sealed.hash).toBe(
        createHash('sha256')
          .update(sealed.prev_hash + canonicalRecord(draft))
          .digest('hex'),
      );
      expect(await verify()).toMatchObject({ ok: true });
    } finally {
      await open.query('ROLLBACK').catch(() => undefined);
      await open.end();
    }
  });

  it('refuses to rewrite records, and detects a modified and a deleted record', async () => {
    expect(await verify()).toMatchObject({ ok: true, checked: expect.any(Number) });
    const { rows } = await db.query("SELECT id, after FROM audit_events WHERE action = 'dossier.received' ORDER BY id LIMIT 1");
    const target = rows[0];
    await expect(db.query("UPDATE audit_events SET action = 'x' WHERE id = $1", [target.id])).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_events WHERE id = $1', [target.id])).rejects.toThrow(/append-only/);

    // Someone with the database owner's rights switches the trigger off and edits a record.
    const tamper = async (sql: string, params: unknown[]) => {
      await db.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete');
      await db.query(sql, params);
      await db.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete');
    };
    await tamper(`UPDATE audit_events SET after = jsonb_set(after, '{status}', '"RETURNED"') WHERE id = $1`, [target.id]);
    expect(await verify()).toMatchObject({ ok: false, firstBrokenId: String(target.id), reason: 'HASH_MISMATCH' });
    await tamper('UPDATE audit_events SET after = $2 WHERE id = $1', [target.id, target.after]);
    expect((await verify()).ok).toBe(true);

    const next = (await db.query('SELECT id FROM audit_events WHERE id > $1 ORDER BY id LIMIT 1', [target.id])).rows[0].id;
    await tamper('DELETE FROM audit_events WHERE id = $1', [target.id]);
    expect(await verify()).toMatchObject({ ok: false, firstBrokenId: String(next), reason: 'BROKEN_LINK' });
  });
});
