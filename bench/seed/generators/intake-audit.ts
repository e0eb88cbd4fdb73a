import type { GeneratorModule } from './types';

/**
 * The audit record of each intake (dossier.received at the counter or by post, dossier.submitted
 * online), as DossiersService.create writes it, appended to the hash chain in intake order.
 * Transitions are on the timeline only (a full audit of every action is a larger data set).
 */
export const intakeAuditModule: GeneratorModule = {
  name: 'intake-audit',
  tables: [],
  emit({ state: d, procedure, intakeBy, intakeStatus }, _out, ctx) {
    const r = ctx.random;
    ctx.audit.append({
      at: new Date(d.submittedAt.getTime() + 4),
      actorType: intakeBy.kind,
      actorId: intakeBy.id,
      actorName: intakeBy.name,
      roles: intakeBy.roles,
      agencyId: intakeBy.agencyId,
      action: d.channel === 'ONLINE' ? 'dossier.submitted' : 'dossier.received',
      targetType: 'dossier',
      targetId: d.code,
      before: null,
      after: { channel: d.channel, procedure: procedure.code, status: intakeStatus },
      requestId: r.uuid(),
      ip: intakeBy.kind === 'client' ? `103.21.${r.int(148, 151)}.${r.int(2, 250)}` : `10.89.${r.int(1, 60)}.${r.int(10, 250)}`,
    });
  },
};
