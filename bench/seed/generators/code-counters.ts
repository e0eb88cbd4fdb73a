import type { GeneratorModule } from './types';

/**
 * dossier_code_counters: the last sequence per receiving agency and local day, as nextSequence
 * leaves it, so that a live intake on a generated day would continue the gap-free sequence.
 */
export const codeCountersModule: GeneratorModule = {
  name: 'code-counters',
  tables: [{ table: 'dossier_code_counters', columns: ['agency_id', 'day', 'last_seq'], bulk: false }],
  endOfDay(date, out, ctx) {
    for (const [agencyId, lastSeq] of ctx.sequences) out['dossier_code_counters'].row([agencyId, date, lastSeq]);
  },
};
