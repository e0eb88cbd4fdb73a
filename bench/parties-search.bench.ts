// Issue 7 targets: search by name over 1 000 000 parties p95 < 100 ms; exact identifier lookup p95 < 10 ms.
// Measures the registry's own queries (PartiesRepository.findPage, the SQL behind GET /api/parties) on a
// scratch database, seeded once with 1 000 000 parties (Vietnamese name distribution), a CCCD and a phone each:
//   createdb motcua_bench_parties
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/motcua_bench_parties TS_NODE_PROJECT=bench/tsconfig.json \
//     TS_NODE_TRANSPILE_ONLY=1 node -r ts-node/register -r tsconfig-paths/register bench/parties-search.bench.ts
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../apps/api/src/database/data-source';
import { PartiesRepository } from '../apps/api/src/modules/parties/parties.repository';

const PARTIES = Number(process.env['BENCH_PARTIES'] ?? 1_000_000);
const RUNS = 200;

// Weighted like the population: Nguyễn ≈ 38 %, Trần 11 %, Lê 10 %, …
const FAMILY = [
  ...Array(38).fill('nguyen'),
  ...Array(11).fill('tran'),
  ...Array(10).fill('le'),
  ...Array(7).fill('pham'),
  ...Array(5).fill('hoang'),
  ...Array(5).fill('huynh'),
  ...Array(5).fill('phan'),
  ...Array(4).fill('vu'),
  ...Array(4).fill('vo'),
  ...['dang', 'dang', 'bui', 'bui', 'do', 'do', 'ho', 'ho', 'ngo', 'duong', 'ly'],
];
const MIDDLE = ['van', 'thi', 'huu', 'duc', 'minh', 'thanh', 'ngoc', 'thu', 'kim', 'hong', 'quoc', 'xuan', 'bao', 'gia', 'thi', 'van'];
const GIVEN = `an anh binh chi cuong dung duong giang ha hai hanh hieu hoa hoang hung huong khanh lan linh long mai minh nam nga ngoc
  nhung phong phuong quan quang son tam thao thanh thu trang trung tuan tung van vy yen khoa loc nhan phuc tai tien toan vinh`.split(/\s+/);

const sqlArray = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(',')}]`;

async function seed(ds: DataSource): Promise<void> {
  const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM parties');
  if (n >= PARTIES) return;
  console.log(`seeding ${PARTIES - n} parties…`);
  const started = Date.now();
  const batch = 100_000;
  for (let from = n + 1; from <= PARTIES; from += batch) {
    const to = Math.min(from + batch - 1, PARTIES);
    await ds.query(
      `WITH src AS (
         SELECT i,
           (${sqlArray(FAMILY)})[1 + (hashint4(i) & 2147483647) % ${FAMILY.length}] || ' ' ||
           (${sqlArray(MIDDLE)})[1 + (hashint4(i * 7) & 2147483647) % ${MIDDLE.length}] || ' ' ||
           (${sqlArray(GIVEN)})[1 + (hashint4(i * 13) & 2147483647) % ${GIVEN.length}] AS name
         FROM generate_series($1::int, $2::int) i
       ), p AS (
         INSERT INTO parties (id, type, full_name, name_folded, date_of_birth, sex, version)
         SELECT md5('party' || i)::uuid, 'INDIVIDUAL', name, name, date '1940-01-01' + (hashint4(i * 3) & 2147483647) % 29000,
                CASE WHEN i % 2 = 0 THEN 'MALE' ELSE 'FEMALE' END, 1
         FROM src RETURNING id
       ), ids AS (
         INSERT INTO party_identifiers (party_id, type, value_encrypted, key_id, lookup_hash, masked)
         SELECT md5('party' || i)::uuid, 'CCCD', decode(md5(i::text) || md5(i::text), 'hex'), 'bench', sha256(('cccd' || i)::bytea), '089******' || lpad((i % 1000)::text, 3, '0')
         FROM generate_series($1::int, $2::int) i RETURNING 1
       )
       INSERT INTO party_contacts (party_id, kind, value_encrypted, key_id, lookup_hash, masked)
       SELECT md5('party' || i)::uuid, 'PHONE', decode(md5(i::text), 'hex'), 'bench', sha256(('phone' || i)::bytea), '091****' || lpad((i % 1000)::text, 3, '0')
       FROM generate_series($1::int, $2::int) i`,
      [from, to],
    );
    process.stdout.write(`  ${to}\r`);
  }
  await ds.query('ANALYZE parties; ANALYZE party_identifiers; ANALYZE party_contacts');
  console.log(`seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measure(title: string, target: number, query: (i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 10; i++) await query(i); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    await query(i);
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const p95 = percentile(samples, 95);
  console.log(
    `${title}: p50 ${percentile(samples, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${Math.max(...samples).toFixed(1)} ms (target p95 < ${target} ms) ${p95 < target ? 'OK' : 'MISSED'}`,
  );
}

async function main(): Promise<void> {
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('Set DATABASE_URL to a scratch database');
  const ds = new DataSource({ ...dataSourceOptions(url), extra: { max: 4 } });
  await ds.initialize();
  await ds.runMigrations();
  try {
    await seed(ds);
    const repository = new PartiesRepository(ds);
    const names = Array.from({ length: RUNS + 10 }, (_, i) => {
      const words = [FAMILY[(i * 7) % FAMILY.length], MIDDLE[(i * 5) % MIDDLE.length], GIVEN[(i * 3) % GIVEN.length]];
      // Full names, "middle given" and a bare given name: from selective to very common.
      return i % 3 === 0 ? words.join(' ') : i % 3 === 1 ? words.slice(1).join(' ') : words[2];
    });
    const page = (name: string) => repository.searchByName({ status: 'ACTIVE', name, limit: 51 });
    await measure('name search, first page of 50 ("nguyen van an", "van an", "an"…)', 100, (i) => page(names[i]));
    await measure('name search, a name nobody has', 100, (i) => page(`khong co ai ${i}`));
    await measure('name search, second page', 100, async (i) => {
      const first = await page(names[i]);
      const last = first[49];
      if (last)
        await repository.searchByName({
          status: 'ACTIVE',
          name: names[i],
          limit: 51,
          after: { phase: last.phase, name: last.name_folded, id: last.id },
        });
    });
    const sha = (text: string) => createHash('sha256').update(text).digest();
    await measure('exact CCCD lookup', 10, (i) =>
      repository.findPage({
        status: 'ACTIVE',
        identifierHashes: [{ type: 'CCCD', hash: sha(`cccd${1 + ((i * 7919) % PARTIES)}`) }],
        limit: 51,
      }),
    );
    await measure('exact phone lookup', 10, (i) =>
      repository.findPage({ status: 'ACTIVE', phoneHash: sha(`phone${1 + ((i * 104729) % PARTIES)}`), limit: 51 }),
    );
    await measure('intake lookup by identifier hash (resolveApplicant)', 10, (i) =>
      repository.findByIdentifierHashes(ds.manager, [{ type: 'CCCD', hash: sha(`cccd${1 + ((i * 15485863) % PARTIES)}`) }]),
    );
  } finally {
    await ds.destroy();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
