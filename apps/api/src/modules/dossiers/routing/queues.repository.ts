import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { escapeLike } from '../../../common/auth/agency-scope';
import type { Principal } from '../../../common/auth/principal';
import { decodeCursor, encodeCursor } from '../../../common/pagination';
import { renumberParams } from '../../../database/insert-rows';
import { preparedQuery } from '../../../database/prepared-query';
import { DossierStep } from './dossier-step.entity';
import type { QueueName } from './routing.dto';

const OPEN = `s.status IN ('SENT', 'ACCEPTED')`;

/** What each queue holds, in the caller's agency subtree (`:scope`); `:me` is the caller. */
const QUEUE_SQL: Record<QueueName, string> = {
  'to-accept': `a.path LIKE :scope AND s.status = 'SENT' AND s.actor <> 'RECEIVING'`,
  'in-progress': `a.path LIKE :scope AND s.status = 'ACCEPTED' AND s.actor <> 'RECEIVING'`,
  'due-soon': `a.path LIKE :scope AND ${OPEN} AND s.due_soon_at <= :now AND s.due_at >= :now`,
  overdue: `a.path LIKE :scope AND ${OPEN} AND s.due_at < :now`,
  // Dossiers this agency leads whose route is at another agency now.
  'waiting-for-others': `s.lead_agency_id IN (SELECT x.id FROM agencies x WHERE x.path LIKE :scope)
     AND s.status IN ('SENT', 'ACCEPTED', 'RETURNED') AND a.path NOT LIKE :scope`,
  'to-return': `a.path LIKE :scope AND ${OPEN} AND s.actor = 'RECEIVING'`,
};

export interface QueueRow {
  step: DossierStep;
  dossierCode: string;
  procedureName: string;
  applicantName: string;
  dossierDueAt: Date | null;
  agencyName: string;
  sentFromAgencyName: string | null;
}

/** Work queues over step tasks: nearest due first, keyset on (due_at, id). */
@Injectable()
export class QueuesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The queue's steps, from the step indexes alone: a stopped or withdrawn dossier cancels its open
   * steps, so an open step is live work and the dossier need not be read to decide.
   */
  private query(principal: Principal, queue: QueueName, now: Date) {
    const query = this.dataSource
      .createQueryBuilder(DossierStep, 's')
      .innerJoin('agencies', 'a', 'a.id = s.agency_id')
      .where(QUEUE_SQL[queue], { scope: `${escapeLike(principal.agencyPath)}%`, now });
    // A specialist's own work: steps given to them, or not yet given to anyone.
    if (
      principal.kind === 'user' &&
      !principal.permissions.has('dossiers:assign') &&
      queue !== 'waiting-for-others' &&
      queue !== 'to-return'
    ) {
      query.andWhere('(s.assignee_id = :me OR s.assignee_id IS NULL)', { me: principal.id });
    }
    return query;
  }

  /** Two phases: the page's step ids (index only), then those steps with their dossier and agencies. */
  async page(
    principal: Principal,
    queue: QueueName,
    limit: number,
    cursor: string | undefined,
    now: Date,
  ): Promise<{ rows: QueueRow[]; nextCursor: string | null }> {
    const ids = this.query(principal, queue, now).select('s.id');
    if (cursor) {
      const [dueAt, id] = decodeCursor(cursor, 2);
      ids.andWhere('(s.due_at, s.id) > (:dueAt, :id)', { dueAt: new Date(dueAt), id });
    }
    const [idSql, idParams] = ids
      .orderBy('s.due_at', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .limit(limit + 1)
      .getQueryAndParameters();
    // Prepared: the plan (index-only ranges per agency) does not depend on the values.
    const found = await preparedQuery<{ s_id: string }>(this.dataSource, idSql, idParams);
    if (!found.length) return { rows: [], nextCursor: null };
    const { entities, raw } = await this.dataSource
      .createQueryBuilder(DossierStep, 's')
      .innerJoin('dossiers', 'd', 'd.id = s.dossier_id')
      .innerJoin('procedures', 'p', 'p.id = d.procedure_id')
      .innerJoin('agencies', 'a', 'a.id = s.agency_id')
      .leftJoin('agencies', 'f', 'f.id = s.sent_from_agency_id')
      .addSelect('d.code', 'dossier_code')
      .addSelect('p.name', 'procedure_name')
      .addSelect('d.applicant_name', 'applicant_name')
      .addSelect('d.due_at', 'dossier_due_at')
      .addSelect('a.name', 'agency_name')
      .addSelect('f.name', 'from_name')
      .where('s.id IN (:...ids)', { ids: found.map((r) => r.s_id) })
      .orderBy('s.due_at', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .getRawAndEntities();
    const rows = entities.slice(0, limit).map((step, i) => ({
      step,
      dossierCode: raw[i].dossier_code,
      procedureName: raw[i].procedure_name,
      applicantName: raw[i].applicant_name,
      dossierDueAt: raw[i].dossier_due_at,
      agencyName: raw[i].agency_name,
      sentFromAgencyName: raw[i].from_name,
    }));
    const last = rows[rows.length - 1]?.step;
    return { rows, nextCursor: entities.length > limit && last?.dueAt ? encodeCursor([last.dueAt.toISOString(), last.id]) : null };
  }

  /**
   * Every queue's count in one statement (one round trip), each capped at `cap` + 1 rows: a badge,
   * not a statistic.
   */
  async counts(principal: Principal, queues: readonly QueueName[], cap: number, now: Date): Promise<Map<QueueName, number>> {
    const parts: string[] = [];
    const params: unknown[] = [];
    for (const queue of queues) {
      const [sql, own] = this.query(principal, queue, now)
        .select('1')
        .limit(cap + 1)
        .getQueryAndParameters();
      parts.push(`(SELECT count(*)::int FROM (${renumberParams(sql, params.length)}) capped)`);
      params.push(...own);
    }
    const [row] = await preparedQuery<{ counts: number[] }>(this.dataSource, `SELECT ARRAY[${parts.join(', ')}] AS counts`, params);
    return new Map(queues.map((queue, i) => [queue, row.counts[i]]));
  }
}
