import { REASONS } from '../profile';
import type { GeneratorModule } from './types';

const COLUMNS = ['dossier_id', 'access', 'procedure', 'officer', 'result', 'feedback', 'comment', 'created_at'] as const;

/** Share of returned dossiers whose applicant rates them (the portal asks online filers; the counter has a QR code). */
const RATING_SHARE: Record<'DIRECT' | 'ONLINE' | 'POSTAL', number> = { ONLINE: 0.3, DIRECT: 0.16, POSTAL: 0.05 };

/**
 * Satisfaction ratings (DOMAIN §8) as RatingsService.rate records them: for a share of the
 * returned dossiers, once each, after the return and never after now; the five factors on 1–5,
 * mostly 4–5, lower when the result came late or was a refusal; an occasional comment. Each one
 * leaves its `dossier.rated` audit record (an anonymous caller), deferred to its place in the chain.
 */
export const ratingsModule: GeneratorModule = {
  name: 'ratings',
  tables: [{ table: 'dossier_ratings', columns: COLUMNS, bulk: true }],
  emit({ state: d }, out, ctx) {
    if (d.status !== 'RETURNED' || !d.returnedAt) return;
    const r = ctx.random;
    if (!r.chance(RATING_SHARE[d.channel])) return;
    // At the counter's kiosk right away, or from the portal's link within days.
    const minutes =
      d.returnMethod === 'IN_PERSON' && r.chance(0.7)
        ? r.uniform(1, 20)
        : r.chance(0.6)
          ? r.uniform(10, 24 * 60)
          : r.uniform(1, 10) * 24 * 60;
    const at = new Date(d.returnedAt.getTime() + minutes * 60_000);
    if (at.getTime() > ctx.now.getTime()) return;
    const mood = d.timeliness === 'LATE' ? 3.1 : d.outcome === 'NEGATIVE' ? 3.6 : 4.45;
    const score = (offset: number) => Math.min(5, Math.max(1, Math.round(mood + offset + r.gaussian() * 0.65)));
    const result = d.outcome === 'NEGATIVE' ? Math.min(5, Math.max(1, Math.round(2.6 + r.gaussian()))) : score(0.1);
    const factors = [score(0), score(-0.15), score(0.1), result, score(-0.1)];
    const mean = factors.reduce((a, b) => a + b, 0) / factors.length;
    const comment = r.chance(mean < 3.5 ? 0.25 : 0.07) ? r.pick(mean < 3.5 ? REASONS.ratingComplaint : REASONS.ratingPraise) : null;
    out['dossier_ratings'].row([d.id, ...factors, comment, at]);
    ctx.audit.defer({
      at: new Date(at.getTime() + 3),
      actorType: 'anonymous',
      actorId: null,
      actorName: null,
      roles: [],
      agencyId: null,
      action: 'dossier.rated',
      targetType: 'dossier',
      targetId: d.code,
      before: null,
      after: null,
      requestId: r.uuid(),
      ip: `${r.pick(['113.161', '14.232', '171.243', '27.74', '116.110'])}.${r.int(1, 254)}.${r.int(1, 254)}`,
    });
  },
};
