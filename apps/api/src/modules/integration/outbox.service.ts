import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { insertRows, InsertStatement } from '../../database/insert-rows';
import { OutboxEvent } from './entities/outbox-event.entity';
import type { OutboxEventType } from './integration-events';

/** The dossier an event is about: what scope, the feed and every webhook need. */
export interface OutboxDossier {
  id: string;
  code: string;
  receivingAgencyId: string;
  competentAgencyId: string;
  status: string;
  statusCode: number;
}

export interface OutboxEventInput {
  type: OutboxEventType;
  dossier: OutboxDossier;
  /** More agencies whose subtree sees the event (e.g. the agency a step was sent to). */
  agencyIds?: string[];
  /** Extra CloudEvents `data`; `code`, `status` and `statusCode` always come from `dossier`. */
  data?: Record<string, unknown>;
  /** Defaults to now. */
  occurredAt?: Date;
}

/** A row ready to insert (the id and the commit-order `txid` come from the database). */
export type OutboxRow = Omit<OutboxEvent, 'id' | 'txid'>;

/**
 * The transactional outbox. Write events in the transaction of the change they announce — they
 * commit or roll back with it, and the delivery worker and the changes feed only see committed ones:
 *
 *   // anywhere with a transaction:
 *   await outbox.emit(tx, { type: 'dossier.status-changed', dossier: { id, code, receivingAgencyId,
 *     competentAgencyId, status, statusCode }, data: { from: 'RECEIVED' } });
 *
 *   // a hot path that folds the insert into its own single statement (like AuditService):
 *   const row = outbox.event({ type: 'dossier.received', dossier });
 *   const { sql, params } = outbox.insertStatement([row]); // parameters from $1: renumberParams(sql, offset)
 *
 * `emit` runs on the caller's manager only: it never opens a second connection.
 */
@Injectable()
export class OutboxService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The row for one event, with a fresh CloudEvents id. */
  event(input: OutboxEventInput): OutboxRow {
    const { dossier } = input;
    return {
      eventId: randomUUID(),
      type: input.type,
      dossierId: dossier.id,
      dossierCode: dossier.code,
      receivingAgencyId: dossier.receivingAgencyId,
      competentAgencyId: dossier.competentAgencyId,
      agencyIds: input.agencyIds ?? [],
      data: { ...input.data, code: dossier.code, status: dossier.status, statusCode: dossier.statusCode },
      occurredAt: input.occurredAt ?? new Date(),
    };
  }

  /** An INSERT of prepared rows, to run inside the caller's own statement (parameters from $1). */
  insertStatement(rows: OutboxRow[]): InsertStatement {
    return insertRows(this.dataSource, OutboxEvent, rows);
  }

  /** Writes events in the caller's transaction; returns the rows written (with their event ids). */
  async emit(tx: EntityManager, input: OutboxEventInput | OutboxEventInput[]): Promise<OutboxRow[]> {
    const rows = (Array.isArray(input) ? input : [input]).map((i) => this.event(i));
    if (!rows.length) return rows;
    const { sql, params } = this.insertStatement(rows);
    await tx.query(sql, params);
    return rows;
  }
}
