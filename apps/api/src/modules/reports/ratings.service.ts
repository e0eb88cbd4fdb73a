import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ActorContext } from '../../common/auth/actor';
import { escapeLike } from '../../common/auth/agency-scope';
import { ProblemException } from '../../common/problem/problem';
import { AuditService } from '../audit/audit.service';
import { RATING_FACTORS } from './dossier-rating.entity';
import type { RatingRequest } from './ratings.dto';
import type { ReportPeriodQuery, SatisfactionReport, SatisfactionRow } from './reports.dto';
import { periodBounds, ReportsService } from './reports.service';

function notFound() {
  return new ProblemException({
    status: 404,
    code: 'NOT_FOUND',
    title: 'Not found',
    detail: 'Không tìm thấy hồ sơ với mã và mã tra cứu này.',
  });
}

function sameSecret(given: string, stored: string): boolean {
  const a = Buffer.from(given.toUpperCase());
  const b = Buffer.from(stored);
  return a.length === b.length && timingSafeEqual(a, b);
}

const pct = (part: number, whole: number) => (whole ? Math.round((1000 * part) / whole) / 10 : null);

/** Satisfaction (DOMAIN §8): one rating per returned dossier, and the product's own index next to timeliness. */
@Injectable()
export class RatingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: ReportsService,
    private readonly audit: AuditService,
  ) {}

  async rate(actor: ActorContext, code: string, secret: string, body: RatingRequest): Promise<void> {
    const [dossier] =
      code.length <= 48 ? await this.dataSource.query('SELECT id, status, lookup_secret FROM dossiers WHERE code = $1', [code]) : [];
    if (!dossier || !sameSecret(secret, dossier.lookup_secret)) throw notFound();
    if (dossier.status !== 'RETURNED') {
      throw new ProblemException({
        status: 409,
        code: 'RATING_NOT_YET',
        title: 'Conflict',
        detail: 'Chỉ đánh giá được sau khi đã nhận kết quả.',
      });
    }
    const inserted = await this.dataSource.query(
      `INSERT INTO dossier_ratings (dossier_id, access, procedure, officer, result, feedback, comment)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (dossier_id) DO NOTHING RETURNING id`,
      [dossier.id, body.access, body.procedure, body.officer, body.result, body.feedback, body.comment?.trim() || null],
    );
    if (!inserted.length) {
      throw new ProblemException({ status: 409, code: 'RATING_EXISTS', title: 'Conflict', detail: 'Hồ sơ này đã được đánh giá.' });
    }
    await this.audit.record(actor, { action: 'dossier.rated', targetType: 'dossier', targetId: code });
  }

  /** Per agency: share of 4–5 answers per factor, their mean, and the on-time rate of the same dossiers. */
  async satisfaction(actor: ActorContext, q: ReportPeriodQuery): Promise<SatisfactionReport> {
    const scopePath = await this.reports.scopePath(actor, q.agencyId);
    const { f, t } = periodBounds(q);
    const column = q.by === 'receiving' ? 'd.receiving_agency_id' : 'd.competent_agency_id';
    const params: unknown[] = [f, t, `${escapeLike(scopePath)}%`];
    let filters = '';
    if (q.procedureCode) filters += ` AND p.code = $${params.push(q.procedureCode)}`;
    if (q.field) filters += ` AND p.field = $${params.push(q.field)}`;
    const counts = RATING_FACTORS.map((factor) => `count(*) FILTER (WHERE r.${factor} >= 4)::int AS "${factor}"`).join(', ');
    const rows: Array<Record<string, number | string>> = await this.dataSource.query(
      `SELECT a.id AS "agencyId", a.name AS "agencyName", count(*)::int AS ratings, ${counts},
              count(*) FILTER (WHERE d.timeliness IN ('EARLY', 'ON_TIME'))::int AS "onTime",
              count(*) FILTER (WHERE d.timeliness IS NOT NULL)::int AS judged
         FROM dossier_ratings r JOIN dossiers d ON d.id = r.dossier_id JOIN procedures p ON p.id = d.procedure_id
         JOIN agencies a ON a.id = ${column}
        WHERE r.created_at >= $1 AND r.created_at < $2 AND a.path LIKE $3${filters}
        GROUP BY a.id, a.name ORDER BY a.name`,
      params,
    );
    const toRow = (r: Record<string, number | string>): SatisfactionRow => {
      const ratings = Number(r['ratings']);
      const factors = Object.fromEntries(
        RATING_FACTORS.map((factor) => [factor, pct(Number(r[factor]), ratings)]),
      ) as SatisfactionRow['factors'];
      const values = Object.values(factors).filter((v): v is number => v !== null);
      return {
        agencyId: String(r['agencyId']),
        agencyName: String(r['agencyName']),
        ratings,
        factors,
        index: values.length ? Math.round((10 * values.reduce((a, b) => a + b, 0)) / values.length) / 10 : null,
        onTimeRate: pct(Number(r['onTime']), Number(r['judged'])),
      };
    };
    const sum = (key: string) => rows.reduce((total, r) => total + Number(r[key]), 0);
    const total = toRow({
      agencyId: '',
      agencyName: 'Tổng cộng',
      ratings: sum('ratings'),
      onTime: sum('onTime'),
      judged: sum('judged'),
      ...Object.fromEntries(RATING_FACTORS.map((factor) => [factor, sum(factor)])),
    });
    return { from: q.from.slice(0, 10), to: q.to.slice(0, 10), rows: rows.map(toRow), total };
  }
}
