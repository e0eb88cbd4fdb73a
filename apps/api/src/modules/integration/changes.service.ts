import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '../../common/auth/principal';
import { decodeCursor, encodeCursor } from '../../common/pagination';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ChangesPage, IntegrationEvent } from './dto/changes.dto';
import { invalidCursor } from './integration.errors';
import { COMMITTED_HORIZON_SQL, EVENT_IN_SUBTREE_SQL } from './integration-sql';
import { toCloudEvent } from './integration-events';

const DEFAULT_LIMIT = 50;
/** Rows examined per poll: a caller with a narrow scope still advances past others' events. */
const SCAN_WINDOW = 1000;

interface ChangeRow {
  id: string;
  txid: string;
  event_id: string;
  type: string;
  dossier_code: string;
  occurred_at: Date;
  data: Record<string, unknown> | null;
  visible: boolean;
}

/** The changes feed: every committed outbox event in the caller's scope, in commit order. */
@Injectable()
export class ChangesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async page(principal: Principal, query: { cursor?: string; limit?: number }): Promise<ChangesPage> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    let position = query.cursor ? decodeCursor(query.cursor, 2) : ['0', '0'];
    if (!position.every((v) => /^\d{1,18}$/.test(v))) throw invalidCursor();
    const rows: ChangeRow[] = await this.dataSource.query(
      `WITH w AS (
         SELECT e.* FROM outbox_events e
          WHERE (e.txid, e.id) > ($1::bigint, $2::bigint) AND e.txid < ${COMMITTED_HORIZON_SQL}
          ORDER BY e.txid, e.id
          LIMIT $3)
       SELECT w.id, w.txid, w.event_id, w.type, w.dossier_code, w.occurred_at,
              CASE WHEN v.visible THEN w.data END AS data, v.visible
         FROM w CROSS JOIN LATERAL (SELECT ${EVENT_IN_SUBTREE_SQL('w', '$4')} AS visible) v
        ORDER BY w.txid, w.id`,
      [position[0], position[1], SCAN_WINDOW, principal.agencyPath],
    );
    const items: IntegrationEvent[] = [];
    for (const row of rows) {
      if (row.visible) {
        if (items.length === limit) break;
        items.push(this.toEvent(row));
      }
      position = [String(row.txid), String(row.id)];
    }
    return { items, nextCursor: encodeCursor(position) };
  }

  private toEvent(row: ChangeRow): IntegrationEvent {
    return toCloudEvent(
      { eventId: row.event_id, type: row.type, dossierCode: row.dossier_code, occurredAt: row.occurred_at, data: row.data ?? {} },
      this.config.webhooks.eventSource,
    ) as IntegrationEvent;
  }
}
