/* eslint-disable @typescript-eslint/no-explicit-any -- parsed JSON bodies */
import { execFileSync } from 'node:child_process';
import { startProduct, type Product } from './support/product';

/**
 * Issue 9: several API processes on one database. Three processes serve one port; one is killed
 * with SIGKILL in the middle of sustained counter intake with idempotency keys and client retries.
 * Every acknowledged dossier exists exactly once, the day's codes stay gap-free, the audit chain
 * verifies, and the supervisor replaces the dead process.
 */
describe('several API processes on one database', () => {
  let product: Product;

  beforeAll(async () => {
    product = await startProduct({ API_WORKERS: '3' });
  }, 120_000);
  afterAll(async () => product?.stop());

  const workers = () =>
    execFileSync('pgrep', ['-P', String(product.pid), '-f', 'apps/api/main.js'])
      .toString()
      .split('\n')
      .filter(Boolean)
      .map(Number);

  async function json(path: string, init: RequestInit = {}): Promise<{ status: number; body: any }> {
    const res = await fetch(product.baseUrl + path, init);
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  it('loses no acknowledged dossier and keeps codes unique when a process dies under load', async () => {
    await waitFor(() => workers().length === 3, 'three API processes');
    const login = async (username: string) =>
      (
        await json('/api/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password: 'MotCua@2026' }),
        })
      ).body.accessToken as string;
    const token = await login('tiepnhan.ttpvhcc');
    const procedure = (await json('/api/public/procedures/2.000488')).body;
    const body = JSON.stringify({
      procedureCode: '2.000488',
      receivingAgencyCode: '000.00.22.H01',
      channel: 'DIRECT',
      applicant: { type: 'INDIVIDUAL', fullName: 'Trần Văn Bền', identifiers: [] },
      documents: procedure.documents
        .filter((d: { mandatory: boolean }) => d.mandatory)
        .map((d: { name: string }) => ({ name: d.name, kind: 'ORIGINAL', count: 1 })),
    });
    // A portal's behaviour: retry the same Idempotency-Key until the API acknowledges it.
    const intake = async (key: string): Promise<string> => {
      for (let attempt = 0; attempt < 40; attempt++) {
        const res = await fetch(`${product.baseUrl}/api/dossiers`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
          body,
        }).catch(() => undefined);
        if (res && (res.status === 201 || res.status === 200)) return (await res.json()).code;
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(`intake ${key} never acknowledged`);
    };

    const keys = Array.from({ length: 90 }, (_, i) => `cluster-test-${String(i).padStart(4, '0')}`);
    const codes: string[] = [];
    let next = 0;
    const victim = workers()[1];
    const lanes = Array.from({ length: 10 }, async () => {
      while (next < keys.length) {
        const key = keys[next++];
        if (next === 30) process.kill(victim, 'SIGKILL');
        codes.push(await intake(key));
      }
    });
    await Promise.all(lanes);

    expect(new Set(codes).size).toBe(keys.length);
    const sequences = codes.map((c) => Number(c.split('-').pop())).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: keys.length }, (_, i) => i + 1));
    // Asking again with a key returns the dossier made the first time.
    const again = await fetch(`${product.baseUrl}/api/dossiers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': keys[29] },
      body,
    });
    expect(again.status).toBe(200);
    expect(codes).toContain((await again.json()).code);

    const auditor = await login('thanhtra.tinh');
    const verified = await json('/api/audit/verify', { headers: { authorization: `Bearer ${auditor}` } });
    expect(verified.body).toMatchObject({ ok: true });
    await waitFor(() => workers().length === 3 && !workers().includes(victim), 'a replacement process');
  }, 120_000);
});

async function waitFor(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
