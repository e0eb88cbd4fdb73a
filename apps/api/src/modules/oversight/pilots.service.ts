import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ActorContext, principalOf } from '../../common/auth/actor';
import { escapeLike, isAgencyPathInScope } from '../../common/auth/agency-scope';
import { forbidden } from '../../common/auth/access.guard';
import type { Principal } from '../../common/auth/principal';
import { decodeCursor, encodeCursor, type CursorQuery } from '../../common/pagination';
import { staleVersion } from '../../common/problem/stale-version';
import { validationProblem } from '../../common/problem/validation';
import { AuditService } from '../audit/audit.service';
import { RATING_FACTORS } from '../reports/dossier-rating.entity';
import type {
  CreatePilotRequest,
  PilotComparison,
  PilotIndicators,
  PilotPage,
  PilotResponse,
  PilotStatus,
  UpdatePilotRequest,
} from './dto/pilot.dto';
import { conflict, outOfScope, pilotNotFound } from './oversight.errors';
import { addDays, daysInclusive, localToday, percent } from './oversight-scope';

const DEFAULT_PAGE = 50;
const LOCAL_OFFSET = '+07:00';

interface PilotRow {
  id: string;
  name: string;
  decisionRef: string;
  procedureCodes: string[];
  startsOn: string;
  endsOn: string | null;
  createdByName: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  agencies: Array<{ id: string; code: string; name: string }>;
}

const PILOT_COLUMNS = `pl.id, pl.name, pl.decision_ref AS "decisionRef", pl.procedure_codes AS "procedureCodes",
  to_char(pl.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(pl.ends_on, 'YYYY-MM-DD') AS "endsOn",
  pl.created_by_name AS "createdByName", pl.created_at AS "createdAt", pl.updated_at AS "updatedAt", pl.version,
  (SELECT coalesce(json_agg(json_build_object('id', a.id, 'code', a.code, 'name', a.name) ORDER BY a.code), '[]')
     FROM pilot_agencies pa JOIN agencies a ON a.id = pa.agency_id WHERE pa.pilot_id = pl.id) AS agencies`;

/** A pilot is visible to whoever's scope holds at least one of its agencies. */
const PILOT_IN_SCOPE = `EXISTS (SELECT 1 FROM pilot_agencies vpa JOIN agencies va ON va.id = vpa.agency_id
                                WHERE vpa.pilot_id = pl.id AND va.path LIKE $1)`;

const dayStart = (date: string) => new Date(`${date}T00:00:00${LOCAL_OFFSET}`);

function statusOf(row: Pick<PilotRow, 'startsOn' | 'endsOn'>, today: string): PilotStatus {
  if (row.startsOn > today) return 'PLANNED';
  return row.endsOn && row.endsOn < today ? 'ENDED' : 'RUNNING';
}

function toResponse(row: PilotRow, today = localToday()): PilotResponse {
  return {
    id: row.id,
    name: row.name,
    decisionRef: row.decisionRef,
    agencies: row.agencies,
    procedureCodes: row.procedureCodes,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    status: statusOf(row, today),
    createdAt: new Date(row.createdAt).toISOString(),
    createdByName: row.createdByName,
    updatedAt: new Date(row.updatedAt).toISOString(),
    version: row.version,
  };
}

/**
 * The comparison in one grouped scan: each dossier of the scope (for the pilot's procedures) goes to
 * the pilot group when its competent agency lies in a pilot agency's subtree, else to the others;
 * each indicator of each window is a FILTER over it. Windows are [$4, $5) before and [$5, $6) during.
 */
function comparisonSql(): string {
  const windows = { before: ['$4', '$5'], during: ['$5', '$6'] } as const;
  const columns = Object.entries(windows).flatMap(([w, [from, to]]) => {
    const received = `d.received_at >= ${from} AND d.received_at < ${to}`;
    const resolved = `d.finished_at >= ${from} AND d.finished_at < ${to} AND d.outcome IN ('POSITIVE', 'NEGATIVE')`;
    return [
      `count(*) FILTER (WHERE ${received})::int AS "${w}_received"`,
      `count(*) FILTER (WHERE ${received} AND d.channel = 'ONLINE')::int AS "${w}_online"`,
      `count(*) FILTER (WHERE ${resolved})::int AS "${w}_resolved"`,
      `count(*) FILTER (WHERE ${resolved} AND d.timeliness IN ('EARLY', 'ON_TIME'))::int AS "${w}_on_time"`,
      `round((avg(extract(epoch FROM d.finished_at - d.received_at)) FILTER (WHERE ${resolved}) / 86400)::numeric, 2)::float8 AS "${w}_days"`,
      `count(r.id) FILTER (WHERE ${resolved})::int AS "${w}_ratings"`,
      ...RATING_FACTORS.map((factor) => `count(*) FILTER (WHERE ${resolved} AND r.${factor} >= 4)::int AS "${w}_${factor}"`),
    ];
  });
  return `
    SELECT CASE WHEN EXISTS (SELECT 1 FROM pilot_agencies pa JOIN agencies pa_a ON pa_a.id = pa.agency_id
                              WHERE pa.pilot_id = $1 AND starts_with(ca.path, pa_a.path)) THEN 'pilot' ELSE 'others' END AS grp,
           ${columns.join(',\n           ')}
      FROM dossiers d
      JOIN agencies ca ON ca.id = d.competent_agency_id
      LEFT JOIN dossier_ratings r ON r.dossier_id = d.id
     WHERE ca.path LIKE $2
       AND ($3::text[] IS NULL OR d.procedure_id IN (SELECT p.id FROM procedures p WHERE p.code = ANY($3::text[])))
       AND ((d.received_at >= $4 AND d.received_at < $6) OR (d.finished_at >= $4 AND d.finished_at < $6))
     GROUP BY grp`;
}

type ComparisonRow = Record<string, number | null> & { grp: 'pilot' | 'others' };

function indicatorsOf(row: ComparisonRow | undefined, w: 'before' | 'during'): PilotIndicators {
  const n = (key: string) => Number(row?.[`${w}_${key}`] ?? 0);
  const ratings = n('ratings');
  // DOMAIN §8, rounded as the satisfaction report rounds: each factor's share in % (one decimal), then their mean.
  const factors = RATING_FACTORS.map((factor) => percent(n(factor), ratings)).filter((v): v is number => v !== null);
  return {
    received: n('received'),
    receivedOnline: n('online'),
    onlineShare: percent(n('online'), n('received')),
    resolved: n('resolved'),
    resolvedOnTime: n('on_time'),
    onTimeRate: percent(n('on_time'), n('resolved')),
    averageProcessingDays: row?.[`${w}_days`] ?? null,
    ratings,
    satisfactionIndex: factors.length ? Math.round((10 * factors.reduce((a, b) => a + b, 0)) / factors.length) / 10 : null,
  };
}

/** Pilot models of the one-stop service (issue 8 §4): recorded by administrators, compared before/during and against the rest. */
@Injectable()
export class PilotsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(actor: ActorContext, body: CreatePilotRequest): Promise<PilotResponse> {
    const principal = principalOf(actor);
    const procedureCodes = body.procedureCodes ?? [];
    checkDates(body.startsOn, body.endsOn ?? null);
    await this.checkAgencies(principal, body.agencyIds);
    await this.checkProcedures(procedureCodes);
    const id = await this.dataSource.transaction(async (tx) => {
      const [{ id }] = await tx.query(
        `INSERT INTO pilots (name, decision_ref, procedure_codes, starts_on, ends_on, created_by_name, version)
         VALUES ($1, $2, $3, $4, $5, $6, 1) RETURNING id`,
        [body.name, body.decisionRef, procedureCodes, body.startsOn, body.endsOn ?? null, principal.displayName],
      );
      await this.setAgencies(tx, id, body.agencyIds);
      await this.audit.record(
        actor,
        {
          action: 'pilot.created',
          targetType: 'pilot',
          targetId: id,
          after: { ...body, procedureCodes, endsOn: body.endsOn ?? null },
        },
        tx,
      );
      return id as string;
    });
    return this.get(actor, id);
  }

  async list(actor: ActorContext, query: CursorQuery): Promise<PilotPage> {
    const principal = this.reader(actor);
    const limit = query.limit ?? DEFAULT_PAGE;
    const params: unknown[] = [`${escapeLike(principal.agencyPath)}%`];
    let where = PILOT_IN_SCOPE;
    if (query.cursor) {
      const [startsOn, id] = decodeCursor(query.cursor, 2);
      where += ` AND (pl.starts_on, pl.id) < ($${params.push(startsOn)}::date, $${params.push(id)}::uuid)`;
    }
    const rows: PilotRow[] = await this.dataSource.query(
      `SELECT ${PILOT_COLUMNS} FROM pilots pl WHERE ${where} ORDER BY pl.starts_on DESC, pl.id DESC LIMIT $${params.push(limit + 1)}`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const today = localToday();
    return {
      items: page.map((r) => toResponse(r, today)),
      nextCursor: rows.length > limit ? encodeCursor([last.startsOn, last.id]) : null,
    };
  }

  async get(actor: ActorContext, id: string): Promise<PilotResponse> {
    const row = await this.findInScope(this.dataSource.manager, this.reader(actor), id);
    if (!row) throw pilotNotFound();
    return toResponse(row);
  }

  async update(actor: ActorContext, id: string, body: UpdatePilotRequest): Promise<PilotResponse> {
    const principal = principalOf(actor);
    if (body.agencyIds) await this.checkAgencies(principal, body.agencyIds);
    if (body.procedureCodes) await this.checkProcedures(body.procedureCodes);
    await this.dataSource.transaction(async (tx) => {
      const row = await this.findInScope(tx, principal, id, true);
      if (!row) throw pilotNotFound();
      if (row.version !== body.version) throw staleVersion(row.version);
      const next = {
        name: body.name ?? row.name,
        decisionRef: body.decisionRef ?? row.decisionRef,
        procedureCodes: body.procedureCodes ?? row.procedureCodes,
        startsOn: body.startsOn ?? row.startsOn,
        endsOn: body.endsOn === undefined ? row.endsOn : body.endsOn,
      };
      checkDates(next.startsOn, next.endsOn);
      await tx.query(
        `UPDATE pilots SET name = $2, decision_ref = $3, procedure_codes = $4, starts_on = $5, ends_on = $6,
                           updated_at = now(), version = version + 1
          WHERE id = $1`,
        [id, next.name, next.decisionRef, next.procedureCodes, next.startsOn, next.endsOn],
      );
      if (body.agencyIds) await this.setAgencies(tx, id, body.agencyIds);
      const { agencies, ...before } = row;
      await this.audit.record(
        actor,
        {
          action: 'pilot.updated',
          targetType: 'pilot',
          targetId: id,
          before: { ...pick(before), agencyIds: agencies.map((a) => a.id) },
          after: { ...next, agencyIds: body.agencyIds ?? agencies.map((a) => a.id) },
        },
        tx,
      );
    });
    return this.get(actor, id);
  }

  async remove(actor: ActorContext, id: string): Promise<void> {
    const principal = principalOf(actor);
    await this.dataSource.transaction(async (tx) => {
      const row = await this.findInScope(tx, principal, id, true);
      if (!row) throw pilotNotFound();
      await tx.query('DELETE FROM pilots WHERE id = $1', [id]);
      const { agencies, ...before } = row;
      await this.audit.record(
        actor,
        { action: 'pilot.deleted', targetType: 'pilot', targetId: id, before: { ...pick(before), agencyIds: agencies.map((a) => a.id) } },
        tx,
      );
    });
  }

  /**
   * Before vs during the pilot, for its agencies and for the other agencies of the caller's scope
   * (same procedures). During: start → min(end, today); before: as many days just before the start.
   */
  async comparison(actor: ActorContext, id: string): Promise<PilotComparison> {
    const principal = principalOf(actor);
    const row = await this.findInScope(this.dataSource.manager, principal, id);
    if (!row) throw pilotNotFound();
    const today = localToday();
    if (row.startsOn > today) throw conflict('PILOT_NOT_STARTED', 'Mô hình thí điểm chưa bắt đầu; chưa có số liệu để so sánh.');
    const duringTo = row.endsOn && row.endsOn < today ? row.endsOn : today;
    const length = daysInclusive(row.startsOn, duringTo);
    const before = { from: addDays(row.startsOn, -length), to: addDays(row.startsOn, -1) };
    const during = { from: row.startsOn, to: duringTo };
    const rows: ComparisonRow[] = await this.dataSource.query(comparisonSql(), [
      id,
      `${escapeLike(principal.agencyPath)}%`,
      row.procedureCodes.length ? row.procedureCodes : null,
      dayStart(before.from),
      dayStart(during.from),
      dayStart(addDays(during.to, 1)),
    ]);
    const group = (grp: 'pilot' | 'others') => {
      const found = rows.find((r) => r.grp === grp);
      return { before: indicatorsOf(found, 'before'), during: indicatorsOf(found, 'during') };
    };
    return {
      pilot: toResponse(row, today),
      before,
      during,
      pilotAgencies: group('pilot'),
      otherAgencies: group('others'),
      generatedAt: new Date().toISOString(),
    };
  }

  // ---- internals --------------------------------------------------------------------------------

  /** Reading pilots: those who read reports, and the administrators who record them. */
  private reader(actor: ActorContext): Principal {
    const principal = principalOf(actor);
    if (!principal.permissions.has('reports:read') && !principal.permissions.has('pilots:manage')) {
      throw forbidden('Requires the permission reports:read or pilots:manage', { requiredPermission: 'reports:read' });
    }
    return principal;
  }

  private async findInScope(em: EntityManager, principal: Principal, id: string, lock = false): Promise<PilotRow | undefined> {
    if (lock) await em.query('SELECT 1 FROM pilots WHERE id = $1 FOR UPDATE', [id]);
    const [row] = await em.query(`SELECT ${PILOT_COLUMNS} FROM pilots pl WHERE ${PILOT_IN_SCOPE} AND pl.id = $2`, [
      `${escapeLike(principal.agencyPath)}%`,
      id,
    ]);
    return row;
  }

  private async checkAgencies(principal: Principal, agencyIds: string[]): Promise<void> {
    const rows: Array<{ id: string; path: string }> = await this.dataSource.query(
      'SELECT id, path FROM agencies WHERE id = ANY($1::uuid[])',
      [agencyIds],
    );
    const unknown = agencyIds.filter((id) => !rows.some((r) => r.id === id));
    if (unknown.length) {
      throw validationProblem([{ field: 'agencyIds', rule: 'exists', message: `Không có cơ quan với mã: ${unknown.join(', ')}` }]);
    }
    if (rows.some((r) => !isAgencyPathInScope(principal, r.path))) throw outOfScope('Có cơ quan nằm ngoài phạm vi của bạn.');
  }

  private async checkProcedures(codes: string[]): Promise<void> {
    if (!codes.length) return;
    const rows: Array<{ code: string }> = await this.dataSource.query('SELECT DISTINCT code FROM procedures WHERE code = ANY($1::text[])', [
      codes,
    ]);
    const unknown = codes.filter((c) => !rows.some((r) => r.code === c));
    if (unknown.length) {
      throw validationProblem([{ field: 'procedureCodes', rule: 'exists', message: `Không có thủ tục với mã: ${unknown.join(', ')}` }]);
    }
  }

  private async setAgencies(tx: EntityManager, pilotId: string, agencyIds: string[]): Promise<void> {
    await tx.query('DELETE FROM pilot_agencies WHERE pilot_id = $1', [pilotId]);
    await tx.query('INSERT INTO pilot_agencies (pilot_id, agency_id) SELECT $1, unnest($2::uuid[])', [pilotId, agencyIds]);
  }
}

function checkDates(startsOn: string, endsOn: string | null): void {
  if (endsOn && endsOn < startsOn) {
    throw validationProblem([{ field: 'endsOn', rule: 'notBeforeStart', message: 'Ngày kết thúc không được trước ngày bắt đầu' }]);
  }
}

function pick(row: Omit<PilotRow, 'agencies'>) {
  return { name: row.name, decisionRef: row.decisionRef, procedureCodes: row.procedureCodes, startsOn: row.startsOn, endsOn: row.endsOn };
}
