import type { GeneratorModule } from './types';

const COLUMNS = [
  'id',
  'dossier_id',
  'at',
  'action',
  'actor_type',
  'actor_id',
  'actor_name',
  'agency_id',
  'from_status',
  'to_status',
  'reason',
  'form',
  'data',
] as const;

/**
 * The timeline (dossier_events) as recordEvents and the SLA sweep write it. Ids are explicit and
 * increase along each dossier's timeline (the API reads a timeline ORDER BY id); across dossiers
 * they follow the intake order rather than the wall clock.
 */
export const dossierEventsModule: GeneratorModule = {
  name: 'dossier-events',
  // The biggest table (about 18 rows per dossier): two COPY connections.
  tables: [{ table: 'dossier_events', columns: COLUMNS, bulk: true, connections: 2 }],
  emit({ state: d }, out, ctx) {
    // Appended as they happened (the sweep's marks before the action that follows them): time order.
    for (const e of d.events) {
      out['dossier_events'].row([
        ctx.ids.take('dossier_events'),
        d.id,
        e.at,
        e.action,
        e.actorType,
        e.actorId,
        e.actorName,
        e.agencyId,
        e.fromStatus,
        e.toStatus,
        e.reason,
        e.form,
        e.data,
      ]);
    }
  },
};
