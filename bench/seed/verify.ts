import {
  checkIdentifier,
  classifyFinished,
  FINISHED_STATUSES,
  maskIdentifier,
  STATUS_CODES,
  type IdentifierType,
  type ProcessingUnit,
  type WorkingCalendar,
} from '@motcua/domain';
import type { Client } from 'pg';
import { auditHash, GENESIS_HASH } from '../../apps/api/src/modules/audit/audit.service';
import { contactContext, identifierContext } from '../../apps/api/src/modules/parties/party-input';
import type { PersonalDataCipher } from '../../apps/api/src/modules/parties/personal-data-cipher';
import { loadWorkingCalendar } from './catalog';

/**
 * Consistency checks over the whole data set, in SQL, plus a recomputation of deadlines for a sample
 * with the API's calendar, a decryption of sampled identifiers and contacts with the keys the API
 * will use, and the entire audit hash chain. Returns false when any check fails.
 */
export async function verify(db: Client, log: (line: string) => void, cipher: PersonalDataCipher, sample = 3000): Promise<boolean> {
  // Whole-table checks: hashes and sorts in memory rather than in batches on disk; no JIT compile per query.
  await db.query(`SET work_mem = '256MB'`);
  await db.query(`SET jit = off`);
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

  await verifyRegistry(check, db, log);
  await verifyRoutes(check, db, log);
  await verifyRatings(check, db, log);

  ok = (await recomputeSample(db, sample, log)) && ok;
  ok = (await verifySealed(db, cipher, sample, log)) && ok;
  ok = (await verifyAuditChain(db, log)) && ok;
  return ok;
}

type Check = (label: string, sql: string) => Promise<void>;

/** Parties (DOMAIN §7): every applicant registered once, every dossier linked as OWNER to the party its snapshot names. */
async function verifyRegistry(check: Check, db: Client, log: (line: string) => void): Promise<void> {
  const counts = (
    await db.query(`SELECT (SELECT count(*) FROM parties)::int AS parties, (SELECT count(*) FROM party_identifiers)::int AS identifiers,
                           (SELECT count(*) FROM party_contacts)::int AS contacts, (SELECT count(*) FROM dossier_parties)::int AS links,
                           (SELECT string_agg(type || ' ' || n, ', ' ORDER BY type) FROM (SELECT type, count(*) n FROM parties GROUP BY 1) x) AS types`)
  ).rows[0];
  log(
    `registry: ${counts.parties.toLocaleString('en')} parties (${counts.types ?? 'none'}), ${counts.identifiers.toLocaleString('en')} identifiers, ` +
      `${counts.contacts.toLocaleString('en')} contacts, ${counts.links.toLocaleString('en')} dossier links`,
  );
  await check(
    'every dossier has exactly one OWNER link, to the party its applicant snapshot names',
    `SELECT count(*) AS bad FROM dossiers d
      WHERE (SELECT count(*) FROM dossier_parties dp WHERE dp.dossier_id = d.id AND dp.role = 'OWNER') <> 1
         OR NOT EXISTS (SELECT 1 FROM dossier_parties dp WHERE dp.dossier_id = d.id AND dp.role = 'OWNER' AND dp.party_id::text = d.applicant->>'partyId')`,
  );
  await check(
    "the snapshot's masked identifier is the party's, and its type the party's type",
    `SELECT count(*) AS bad FROM dossiers d JOIN parties p ON p.id = (d.applicant->>'partyId')::uuid
      WHERE p.type <> d.applicant->>'type'
         OR NOT EXISTS (SELECT 1 FROM party_identifiers i WHERE i.party_id = p.id AND i.type = d.applicant->'identifiers'->0->>'type'
                                                           AND i.masked = d.applicant->'identifiers'->0->>'value')`,
  );
  await check(
    'every party has an identifier and was registered by its first dossier (then, by its receiving agency) or by a desk (party.created)',
    `SELECT count(*) AS bad FROM parties p
      LEFT JOIN LATERAL (SELECT d.created_at, d.receiving_agency_id FROM dossier_parties dp JOIN dossiers d ON d.id = dp.dossier_id
                          WHERE dp.party_id = p.id ORDER BY d.created_at LIMIT 1) f ON true
      WHERE NOT EXISTS (SELECT 1 FROM party_identifiers i WHERE i.party_id = p.id)
         OR (f.created_at IS NOT NULL AND (f.created_at <> p.created_at OR f.receiving_agency_id IS DISTINCT FROM p.created_by_agency_id))
         OR (f.created_at IS NULL AND NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.target_type = 'party' AND a.target_id = p.id::text
                                                                                AND a.action = 'party.created' AND a.agency_id = p.created_by_agency_id))`,
  );
  await check(
    'one current contact per party and kind, phones masked',
    `SELECT count(*) AS bad FROM (SELECT party_id, kind FROM party_contacts WHERE valid_to IS NULL GROUP BY 1, 2 HAVING count(*) > 1
                                  UNION ALL SELECT party_id, kind FROM party_contacts WHERE (kind = 'PHONE') <> (masked IS NOT NULL)) x`,
  );
}

/**
 * Step tasks (DOMAIN §4): a route exactly for the forwarded dossiers, stages done in order with one
 * open stage until the result is returned, the steps left cancelled when the dossier stopped or was
 * withdrawn, handovers on the timeline, the sweep's flags.
 */
async function verifyRoutes(check: Check, db: Client, log: (line: string) => void): Promise<void> {
  const statuses = (
    await db.query(
      `SELECT string_agg(status || ' ' || n, ', ' ORDER BY status) AS s, sum(n)::int AS total,
              sum(overdue)::int AS overdue FROM (SELECT status, count(*) n, count(*) FILTER (WHERE overdue_flagged_at IS NOT NULL) overdue
                                                  FROM dossier_steps GROUP BY 1) x`,
    )
  ).rows[0];
  log(`step tasks: ${(statuses.total ?? 0).toLocaleString('en')} (${statuses.s ?? 'none'}), ${statuses.overdue ?? 0} flagged overdue`);
  // (Every step's dossier exists: the foreign key was added back after the load.)
  await check(
    'a route exactly for the dossiers that were forwarded',
    `SELECT (SELECT count(*) FROM dossier_events e WHERE e.action = 'forward'
                AND NOT EXISTS (SELECT 1 FROM dossier_steps s WHERE s.dossier_id = e.dossier_id))
          + (SELECT count(*) FROM (SELECT DISTINCT dossier_id FROM dossier_steps) s
              WHERE NOT EXISTS (SELECT 1 FROM dossier_events e WHERE e.dossier_id = s.dossier_id AND e.action = 'forward')) AS bad`,
  );
  await check(
    "each route follows its procedure's template (same steps, names and budgets)",
    `SELECT count(*) AS bad FROM (SELECT s.dossier_id, count(*) n FROM dossier_steps s JOIN dossiers d ON d.id = s.dossier_id
                                   LEFT JOIN procedure_steps t ON t.procedure_id = d.procedure_id AND t.seq = s.seq
                                                              AND t.name = s.name AND t.budget_minutes = s.budget_minutes AND t.role = s.role
                                  WHERE t.seq IS NULL GROUP BY 1) x`,
  );
  await check(
    'stages in order: done before the open stage, pending after it, at most one stage open; cancelled from where the route stood',
    `SELECT count(*) AS bad FROM (
       SELECT dossier_id, count(DISTINCT stage) FILTER (WHERE status IN ('SENT', 'ACCEPTED', 'RETURNED')) AS open_stages,
              min(stage) FILTER (WHERE status NOT IN ('DONE', 'CANCELLED')) AS first_not_done,
              max(stage) FILTER (WHERE status NOT IN ('PENDING', 'CANCELLED')) AS last_started,
              max(stage) FILTER (WHERE status = 'DONE') AS last_done, min(stage) FILTER (WHERE status = 'CANCELLED') AS first_cancelled
         FROM dossier_steps GROUP BY dossier_id) r
      WHERE open_stages > 1 OR last_started > first_not_done OR last_done > first_cancelled`,
  );
  await check(
    'a returned dossier has its whole route done; a stopped or withdrawn one none open; any other forwarded dossier still has an open step',
    `SELECT count(*) AS bad FROM dossiers d JOIN (SELECT dossier_id, bool_and(status = 'DONE') AS all_done,
                                                         bool_or(status IN ('SENT', 'ACCEPTED', 'RETURNED')) AS some_open
                                                    FROM dossier_steps GROUP BY dossier_id) r ON r.dossier_id = d.id
      WHERE (d.status = 'RETURNED' AND NOT r.all_done)
         OR (d.outcome IN ('STOPPED', 'WITHDRAWN') AND r.some_open)
         OR (d.status <> 'RETURNED' AND d.outcome IS DISTINCT FROM 'STOPPED' AND d.outcome IS DISTINCT FROM 'WITHDRAWN'
             AND (r.all_done OR NOT r.some_open))`,
  );
  await check(
    'a stopped or withdrawn dossier left no step to do, and only its steps are cancelled: when it ended, by whom, why, never judged',
    `SELECT count(*) AS bad FROM dossier_steps s JOIN dossiers d ON d.id = s.dossier_id
      WHERE (d.outcome IN ('STOPPED', 'WITHDRAWN') AND s.status NOT IN ('DONE', 'CANCELLED'))
         OR (s.status = 'CANCELLED' AND (d.outcome IS NULL OR d.outcome NOT IN ('STOPPED', 'WITHDRAWN')
             OR s.completed_at IS DISTINCT FROM d.finished_at OR s.completed_by_name IS NULL OR s.timeliness IS NOT NULL
             OR coalesce(s.note, '') NOT LIKE CASE d.outcome WHEN 'STOPPED' THEN 'Hồ sơ dừng xử lý%' ELSE 'Công dân rút hồ sơ%' END
             OR s.due_soon_flagged_at >= s.completed_at OR s.overdue_flagged_at >= s.completed_at))`,
  );
  await check(
    'step times: sent before accepted before completed (or cancelled), done steps judged against their due time',
    `SELECT count(*) AS bad FROM dossier_steps s
      WHERE (s.status = 'PENDING' AND s.sent_at IS NOT NULL) OR (s.sent_at IS NULL AND s.status NOT IN ('PENDING', 'CANCELLED'))
         OR (s.status IN ('DONE', 'CANCELLED')) <> (s.completed_at IS NOT NULL)
         OR s.accepted_at < s.sent_at OR s.completed_at < s.accepted_at OR (s.status = 'ACCEPTED' AND s.accepted_at IS NULL)
         OR (s.status = 'DONE' AND (s.timeliness IS NULL) <> (s.due_at IS NULL))
         OR (s.status IN ('SENT', 'ACCEPTED', 'RETURNED') AND s.due_at IS NULL)
         OR (s.status = 'RETURNED' AND (s.returned_at IS NULL OR s.return_reason IS NULL))
         OR (s.assignee_id IS NOT NULL AND s.status NOT IN ('ACCEPTED', 'DONE', 'CANCELLED'))`,
  );
  await check(
    'flags after their thresholds (unless a pause moved them since); every open step past due (clock running, result not returned) is flagged',
    `SELECT count(*) AS bad FROM dossier_steps s JOIN dossiers d ON d.id = s.dossier_id
      WHERE (d.paused_minutes = 0 AND (s.overdue_flagged_at <= s.due_at OR s.due_soon_flagged_at < s.due_soon_at))
         OR (s.status IN ('SENT', 'ACCEPTED') AND s.overdue_flagged_at IS NULL AND d.paused_since IS NULL AND d.status <> 'RETURNED'
             AND s.due_at < (SELECT max(updated_at) FROM dossiers) - interval '5 minutes')`,
  );
  await check(
    "every handover and step flag on the timeline names a step of the dossier's route",
    `SELECT count(*) AS bad FROM dossier_events e
      WHERE e.action LIKE 'step-%' AND NOT EXISTS (SELECT 1 FROM dossier_steps s WHERE s.id = (e.data->>'stepId')::uuid AND s.dossier_id = e.dossier_id)`,
  );
}

/** Ratings (DOMAIN §8): only for returned dossiers, after the return, once each, with their audit record. */
async function verifyRatings(check: Check, db: Client, log: (line: string) => void): Promise<void> {
  const r = (
    await db.query(`SELECT count(*)::int AS n, round(avg((access + procedure + officer + result + feedback) / 5.0), 2) AS mean,
                           round(100.0 * count(*) / greatest(1, (SELECT count(*) FROM dossiers WHERE status = 'RETURNED')), 1) AS share
                      FROM dossier_ratings`)
  ).rows[0];
  log(`ratings: ${r.n.toLocaleString('en')} (${r.share} % of returned dossiers), mean ${r.mean ?? '—'} of 5`);
  await check(
    'ratings only for returned dossiers, after the return, factors 1–5',
    `SELECT count(*) AS bad FROM dossier_ratings r JOIN dossiers d ON d.id = r.dossier_id
      WHERE d.status <> 'RETURNED' OR r.created_at < d.returned_at
         OR least(r.access, r.procedure, r.officer, r.result, r.feedback) < 1 OR greatest(r.access, r.procedure, r.officer, r.result, r.feedback) > 5`,
  );
  await check(
    'every rating has its dossier.rated audit record',
    `SELECT count(*) AS bad FROM dossier_ratings r JOIN dossiers d ON d.id = r.dossier_id
      WHERE NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.target_type = 'dossier' AND a.target_id = d.code AND a.action = 'dossier.rated')`,
  );
}

/**
 * Sampled identifiers and contacts decrypt with the keys the API will run with, and their lookup
 * hashes are the HMAC of the decrypted value: what exact search and the reveal need.
 */
async function verifySealed(db: Client, cipher: PersonalDataCipher, size: number, log: (line: string) => void): Promise<boolean> {
  const identifiers = (
    await db.query(`SELECT type, value_encrypted, key_id, lookup_hash, masked FROM party_identifiers TABLESAMPLE BERNOULLI (5) LIMIT $1`, [
      size,
    ])
  ).rows;
  const contacts = (
    await db.query(
      `SELECT kind, value_encrypted, key_id, lookup_hash, masked, area_code FROM party_contacts TABLESAMPLE BERNOULLI (5) LIMIT $1`,
      [size],
    )
  ).rows;
  let bad = 0;
  let first = '';
  const fail = (what: string) => {
    bad++;
    first ||= what;
  };
  for (const row of identifiers) {
    try {
      const value = cipher.decrypt(row.value_encrypted, row.key_id, identifierContext(row.type));
      const check = checkIdentifier(row.type as IdentifierType, value);
      if (!check.valid || !cipher.hash(row.type, check.normalized).equals(row.lookup_hash) || maskIdentifier(value) !== row.masked)
        fail(`a ${row.type} whose hash or mask does not match`);
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
    }
  }
  for (const row of contacts) {
    try {
      const value = cipher.decrypt(row.value_encrypted, row.key_id, contactContext(row.kind));
      const hashed = row.kind === 'ADDRESS' ? `${row.area_code ?? ''}|${value}` : value;
      if (!cipher.hash(row.kind, hashed).equals(row.lookup_hash)) fail(`a ${row.kind} whose hash does not match`);
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
    }
  }
  log(
    `  ${bad ? 'FAIL' : 'ok  '} ${identifiers.length} identifiers and ${contacts.length} contacts decrypt with the API's keys and match their lookup hashes` +
      (bad ? `: ${bad} do not (${first}) — were they sealed with other keys? see --keys-dir` : ''),
  );
  return bad === 0;
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
