/**
 * Commit-order horizon: every transaction with a smaller txid has ended, so the set of outbox rows
 * below it never grows again. Readers take `(txid, id)` in order below it and never skip a row.
 */
export const COMMITTED_HORIZON_SQL = 'txid_snapshot_xmin(txid_current_snapshot())';

/**
 * True when the event `e` concerns an agency in the subtree whose path is `path` (the one scope
 * rule of common/auth/agency-scope, for an outbox row: receiving, competent or an added agency).
 */
export const EVENT_IN_SUBTREE_SQL = (e: string, path: string) =>
  `EXISTS (SELECT 1 FROM agencies scope_a
            WHERE scope_a.id = ANY(ARRAY[${e}.receiving_agency_id, ${e}.competent_agency_id] || ${e}.agency_ids)
              AND starts_with(scope_a.path, ${path}))`;
