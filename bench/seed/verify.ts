import { classifyFinished, FINISHED_STATUSES, STATUS_CODES, type ProcessingUnit, type WorkingCalendar } from '@motcua/domain';
import type { Client } from 'pg';
import { auditHash, GENESIS_HASH } from '../../apps/api/src/modules/audit/audit.service';
import { loadWorkingCalendar } from './catalog';

/**
 * Consistency checks over the whole data set, in SQL, plus a recomputation of deadlines for a sample
 * with the API's calendar and of the entire audit hash chain. Returns false when any check fails.
 */
export async function verify(db: Client, log: (line: string) => void, sample = 3000): Promise<boolean> {
  let ok = true;
  const check = async (label: string, sql: string) => {
    const started = Date.now();
    const bad = Number((await db.query(sql)).rows[0].bad);
    if (bad) ok = false;
    log(`  ${bad ? 'FAIL' : 'ok  '} ${label}${bad ? `: ${bad}` : ''} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  };

  const total = Number((await db.query('SELECT count(*) AS n FROM dossiers')).rows[0].n);
  log(`dossiers by status (${total.toLocaleString('en')}):`);
  const statuses = (
    await db.query(`SELECT status, count(*) AS n, count(*) FILTER (WHERE finished_at IS NULL AND due_at < now()) AS overdue,
                                          count(*) FILTER (WHERE sla_flag IS NOT NULL) AS flagged
                                     FROM dossiers GROUP BY status ORDER BY min(status_code)`)
  ).rows;
  for (const s of statuses) {
    log(
      `  ${s.status.padEnd(22)} ${Number(s.n).toLocaleString('en').padStart(10)}  ${((100 * s.n) / Math.max(1, total)).toFixed(2).padStart(6)} %  open overdue ${s.overdue}, SLA-flagged ${s.flagged}`,
    );
  }
  const mix = (
    await db.query(
      `SELECT string_agg(channel || ' ' || n, ', ' ORDER BY channel) AS channels FROM (SELECT channel, count(*) n FROM dossiers GROUP BY 1) x`,
    )
  ).rows[0];
  const timeliness = (
    await db.query(
      `SELECT string_agg(coalesce(timeliness, '-') || ' ' || n, ', ' ORDER BY timeliness) AS t FROM (SELECT timeliness, count(*) n FROM dossiers GROUP BY 1) x`,
    )
  ).rows[0];
  log(`  channels: ${mix.channels}; timeliness: ${timeliness.t}`);

  log('checks:');
  const statusCase = Object.entries(STATUS_CODES)
    .map(([s, c]) => `WHEN '${s}' THEN ${c}`)
    .join(' ');
  const finished = FINISHED_STATUSES.map((s) => `'${s}'`).join(', ');
  await check('no duplicate dossier codes', `SELECT count(*) AS bad FROM (SELECT code FROM dossiers GROUP BY code HAVING count(*) > 1) x`);
  await check(
    'every dossier has at least one timeline event',
    `SELECT count(*) AS bad FROM dossiers d WHERE NOT EXISTS (SELECT 1 FROM dossier_events e WHERE e.dossier_id = d.id)`,
  );
  await check(
    "the last event's to_status is the dossier's status",
    `SELECT count(*) AS bad FROM (SELECT DISTINCT ON (dossier_id) dossier_id, to_status FROM dossier_events ORDER BY dossier_id, id DESC) l
       JOIN dossiers d ON d.id = l.dossier_id WHERE l.to_status <> d.status`,
  );
  await check(
    'timeline events are in time order along their ids',
    `SELECT count(*) AS bad FROM (SELECT at < lag(at) OVER (PARTITION BY dossier_id ORDER BY id) AS back FROM dossier_events) x WHERE back`,
  );
  await check(
    'status_code is the national code of the status',
    `SELECT count(*) AS bad FROM dossiers WHERE status_code <> CASE status ${statusCase} END`,
  );
  await check(
    'finished_at is set exactly for finished states',
    `SELECT count(*) AS bad FROM dossiers WHERE (finished_at IS NOT NULL) <> (status IN (${finished}))`,
  );
  await check(
    'timeliness exactly for positive/negative results',
    `SELECT count(*) AS bad FROM dossiers WHERE (timeliness IS NOT NULL) <> (outcome IS NOT NULL AND outcome IN ('POSITIVE', 'NEGATIVE'))`,
  );
  await check(
    'a received dossier has due times, due_at never before original_due_at',
    `SELECT count(*) AS bad FROM dossiers WHERE (received_at IS NULL) <> (due_at IS NULL) OR due_at < original_due_at OR (received_at IS NOT NULL AND received_at < submitted_at)`,
  );
  await check(
    'a paused clock only while waiting for the citizen',
    `SELECT count(*) AS bad FROM dossiers WHERE paused_since IS NOT NULL AND status NOT IN ('SUPPLEMENT_REQUESTED', 'AWAITING_PAYMENT')`,
  );
  await check(
    'stage only in process (and its pauses)',
    `SELECT count(*) AS bad FROM dossiers WHERE stage IS NOT NULL AND status IN ('SUBMITTED', 'RECEIVED', ${finished})`,
  );
  await check(
    "the code's date is the local date of the intake",
    `SELECT count(*) AS bad FROM dossiers WHERE split_part(code, '-', 2) <> to_char(submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYMMDD')`,
  );
  await check(
    'code sequences are gap-free per agency and day, and the counters continue them',
    `WITH c AS (SELECT receiving_agency_id AS agency_id, to_date(split_part(code, '-', 2), 'YYMMDD') AS day, count(*) AS n,
                       max(split_part(code, '-', 3)::int) AS m FROM dossiers GROUP BY 1, 2)
     SELECT count(*) AS bad FROM c FULL JOIN dossier_code_counters k ON k.agency_id = c.agency_id AND k.day = c.day
      WHERE c.n IS DISTINCT FROM c.m OR k.last_seq IS DISTINCT FROM c.m`,
  );
  await check(
    'every dossier has its intake audit record',
    `SELECT count(*) AS bad FROM dossiers d WHERE NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.target_type = 'dossier' AND a.target_id = d.code AND a.action IN ('dossier.received', 'dossier.submitted'))`,
  );

  ok = (await recomputeSample(db, sample, log)) && ok;
  ok = (await verifyAuditChain(db, log)) && ok;
  return ok;
}

/** Deadlines and timeliness of a random sample, recomputed with the API's WorkingCalendar. */
async function recomputeSample(db: Client, size: number, log: (line: string) => void): Promise<boolean> {
  const calendar: WorkingCalendar = await loadWorkingCalendar(db);
  const rows = (
    await db.query(
      `SELECT d.id, d.code, d.received_at, d.due_at, d.due_soon_at, d.original_due_at, d.budget_minutes, d.paused_minutes, d.finished_at, d.timeliness, d.outcome,
              p.processing_amount, p.processing_unit,
              COALESCE((SELECT json_agg((e.data->>'pausedWorkingMinutes')::float8 ORDER BY e.id) FROM dossier_events e
                         WHERE e.dossier_id = d.id AND e.data ? 'pausedWorkingMinutes'), '[]') AS pauses
         FROM (SELECT * FROM dossiers WHERE received_at IS NOT NULL ORDER BY random() LIMIT $1) d JOIN procedures p ON p.id = d.procedure_id`,
      [size],
    )
  ).rows;
  let bad = 0;
  const first: string[] = [];
  for (const row of rows) {
    const { clockStart, due } = calendar.computeDue(row.received_at, row.processing_amount, row.processing_unit as ProcessingUnit);
    let dueAt = due;
    let dueSoonAt = calendar.addWorkingMinutes(clockStart, Math.floor(row.budget_minutes * 0.8));
    let paused = 0;
    for (const minutes of row.pauses as number[]) {
      dueAt = calendar.addWorkingMinutes(dueAt, minutes);
      dueSoonAt = calendar.addWorkingMinutes(dueSoonAt, minutes);
      paused += minutes;
    }
    const problems = [
      row.original_due_at.getTime() !== due.getTime() && 'original_due_at',
      row.due_at.getTime() !== dueAt.getTime() && 'due_at',
      row.due_soon_at.getTime() !== dueSoonAt.getTime() && 'due_soon_at',
      row.paused_minutes !== Math.round(paused) && 'paused_minutes',
      (row.outcome === 'POSITIVE' || row.outcome === 'NEGATIVE') &&
        row.timeliness !== classifyFinished(row.finished_at, row.due_at) &&
        'timeliness',
    ].filter(Boolean);
    if (problems.length) {
      bad++;
      if (first.length < 3) first.push(`${row.code}: ${problems.join(', ')}`);
    }
  }
  log(
    `  ${bad ? 'FAIL' : 'ok  '} deadlines, pauses and timeliness of ${rows.length} sampled dossiers recomputed with the calendar${bad ? `: ${bad} differ (${first.join('; ')})` : ''}`,
  );
  return bad === 0;
}

/** Walks audit_events in id order and recomputes every hash, as an external verifier would. */
export async function verifyAuditChain(db: Client, log: (line: string) => void): Promise<boolean> {
  const started = Date.now();
  let prev = GENESIS_HASH;
  let lastId = 0;
  let count = 0;
  const page = 20_000;
  for (;;) {
    const rows = (
      await db.query(
        `SELECT id, at, actor_type AS "actorType", actor_id AS "actorId", actor_name AS "actorName", roles, agency_id AS "agencyId", action,
                target_type AS "targetType", target_id AS "targetId", before, after, request_id AS "requestId", ip, prev_hash AS "prevHash", hash
           FROM audit_events WHERE id > $1 ORDER BY id LIMIT ${page}`,
        [lastId],
      )
    ).rows;
    for (const row of rows) {
      if (row.prevHash !== prev || auditHash(prev, row) !== row.hash) {
        log(`  FAIL audit hash chain breaks at id ${row.id} (${row.action})`);
        return false;
      }
      prev = row.hash;
      lastId = Number(row.id);
      count++;
    }
    if (rows.length < page) break;
  }
  log(`  ok   audit hash chain of ${count.toLocaleString('en')} records verifies (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return true;
}
