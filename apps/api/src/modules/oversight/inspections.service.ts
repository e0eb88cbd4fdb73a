import { STATUS_LABELS_VI, type DossierStatus } from '@motcua/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ActorContext, principalOf } from '../../common/auth/actor';
import { decodeCursor, encodeCursor } from '../../common/pagination';
import { validationProblem } from '../../common/problem/validation';
import { AuditService } from '../audit/audit.service';
import { periodBounds } from '../reports/report-period';
import { ReportsService } from '../reports/reports.service';
import type {
  CreateInspectionRequest,
  FindingResponse,
  InspectionCounts,
  InspectionDetail,
  InspectionPage,
  InspectionReport,
  InspectionReportFormat,
  InspectionSampleItem,
  InspectionSummary,
  ListInspectionsQuery,
  RecordFindingRequest,
  RedrawInspectionRequest,
} from './dto/inspection.dto';
import { CATEGORY_LABELS_VI, FINDING_CATEGORIES, VERDICT_LABELS_VI } from './finding-categories';
import type { ReportFile } from '../reports/report-files';
import { inspectionFile, inspectionJsonTable, inspectionRows } from './inspection-report';
import { InspectionsRepository, type CountsRow, type InspectionRow, type SampleRow } from './inspections.repository';
import { conflict, inspectionNotFound, notFound } from './oversight.errors';
import { agencyInScope } from './oversight-scope';

const DEFAULT_PAGE = 50;

/** A fresh seed when the auditor gives none: 16 hex digits, written on the report so anyone can redraw. */
const newSeed = () => randomBytes(8).toString('hex');

function countsOf(row: CountsRow | undefined): InspectionCounts {
  const sampled = row?.sampled ?? 0;
  const reviewed = row?.reviewed ?? 0;
  return {
    sampled,
    reviewed,
    pending: sampled - reviewed,
    compliant: row?.compliant ?? 0,
    problem: row?.problem ?? 0,
    byCategory: FINDING_CATEGORIES.map((category) => ({ category, label: CATEGORY_LABELS_VI[category], count: row?.[category] ?? 0 })),
  };
}

function toSummary(row: InspectionRow, counts: CountsRow | undefined): InspectionSummary {
  return {
    id: row.id,
    title: row.title,
    agency: { id: row.agencyId, code: row.agencyCode, name: row.agencyName },
    from: row.periodFrom,
    to: row.periodTo,
    procedureCode: row.procedureCode,
    sampleSize: row.sampleSize,
    population: row.population,
    seed: row.seed,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    createdByName: row.createdByName,
    drawnAt: row.drawnAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    closedByName: row.closedByName,
    counts: countsOf(counts),
    version: row.version,
  };
}

function toFinding(s: Pick<SampleRow, 'verdict' | 'category' | 'note' | 'recordedAt' | 'recordedByName'>): FindingResponse | null {
  if (!s.verdict || !s.recordedAt) return null;
  return {
    verdict: s.verdict,
    verdictLabel: VERDICT_LABELS_VI[s.verdict],
    category: s.category,
    categoryLabel: s.category ? CATEGORY_LABELS_VI[s.category] : null,
    note: s.note,
    recordedAt: s.recordedAt.toISOString(),
    recordedByName: s.recordedByName,
  };
}

function toSampleItem(s: SampleRow): InspectionSampleItem {
  return {
    position: s.position,
    dossierId: s.dossierId,
    code: s.code,
    procedureCode: s.procedureCode,
    procedureName: s.procedureName,
    agencyId: s.agencyId,
    agencyName: s.agencyName,
    receivingAgencyName: s.receivingAgencyName,
    receivedAt: s.receivedAt.toISOString(),
    status: s.status as DossierStatus,
    statusText: STATUS_LABELS_VI[s.status as DossierStatus] ?? s.status,
    timeliness: s.timeliness,
    finding: toFinding(s),
  };
}

/**
 * Inspections (issue 8 §5): an auditor samples the dossiers received by an agency subtree in a
 * period, reproducibly from a seed, records a finding per sampled dossier and closes the inspection.
 * Every write is one transaction with its audit record, under the inspection's row lock.
 */
@Injectable()
export class InspectionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly inspections: InspectionsRepository,
    private readonly audit: AuditService,
    private readonly reports: ReportsService,
  ) {}

  async create(actor: ActorContext, body: CreateInspectionRequest): Promise<InspectionDetail> {
    const principal = principalOf(actor);
    const { f, t } = periodBounds(body);
    const agency = await agencyInScope(this.dataSource.manager, principal, body.agencyId, { field: 'agencyId', in: 'body' });
    const procedureCode = body.procedureCode?.trim() || null;
    if (procedureCode) {
      const [known] = await this.dataSource.query('SELECT 1 FROM procedures WHERE code = $1 LIMIT 1', [procedureCode]);
      if (!known) throw validationProblem([{ field: 'procedureCode', rule: 'exists', message: 'Không có thủ tục với mã này' }]);
    }
    const seed = body.seed ?? newSeed();
    const id = await this.dataSource.transaction(async (tx) => {
      const [{ id }] = await tx.query(
        `INSERT INTO inspections (title, agency_id, period_from, period_to, procedure_code, sample_size, seed, population, status,
                                  created_by, created_by_name, drawn_at, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 0, 'OPEN', $8, $9, now(), 1) RETURNING id`,
        [body.title, agency.id, body.from, body.to, procedureCode, body.sampleSize, seed, principal.id, principal.displayName],
      );
      const drawn = await this.inspections.draw(tx, id, { seed, f, t, scopePath: agency.path, procedureCode, size: body.sampleSize });
      await tx.query('UPDATE inspections SET population = $2 WHERE id = $1', [id, drawn.population]);
      await this.audit.record(
        actor,
        {
          action: 'inspection.opened',
          targetType: 'inspection',
          targetId: id,
          after: {
            title: body.title,
            agencyId: agency.id,
            from: body.from,
            to: body.to,
            procedureCode,
            sampleSize: body.sampleSize,
            seed,
            ...drawn,
          },
        },
        tx,
      );
      return id as string;
    });
    return this.get(actor, id);
  }

  /** A new draw, with the seed given or a new one; only while no finding is recorded. */
  async redraw(actor: ActorContext, id: string, body: RedrawInspectionRequest): Promise<InspectionDetail> {
    await this.dataSource.transaction(async (tx) => {
      const row = await this.openForWrite(tx, actor, id);
      if (await this.inspections.hasFindings(tx, id)) {
        throw conflict('FINDINGS_RECORDED', 'Đã ghi nhận kết quả kiểm tra cho hồ sơ trong mẫu; không thể chọn lại mẫu.');
      }
      const seed = body.seed ?? newSeed();
      const { f, t } = periodBounds({ from: row.periodFrom, to: row.periodTo });
      await this.inspections.deleteSample(tx, id);
      const drawn = await this.inspections.draw(tx, id, {
        seed,
        f,
        t,
        scopePath: row.agencyPath,
        procedureCode: row.procedureCode,
        size: row.sampleSize,
      });
      await tx.query('UPDATE inspections SET seed = $2, population = $3, drawn_at = now(), version = version + 1 WHERE id = $1', [
        id,
        seed,
        drawn.population,
      ]);
      await this.audit.record(
        actor,
        { action: 'inspection.redrawn', targetType: 'inspection', targetId: id, before: { seed: row.seed }, after: { seed, ...drawn } },
        tx,
      );
    });
    return this.get(actor, id);
  }

  async recordFinding(actor: ActorContext, id: string, dossierId: string, body: RecordFindingRequest): Promise<InspectionSampleItem> {
    const principal = principalOf(actor);
    if (body.verdict === 'PROBLEM' && !body.category) {
      throw validationProblem([{ field: 'category', rule: 'required', message: 'Chọn nhóm vi phạm, thiếu sót khi kết luận có vấn đề' }]);
    }
    if (body.verdict === 'COMPLIANT' && body.category) {
      throw validationProblem([{ field: 'category', rule: 'onlyForProblem', message: 'Hồ sơ đạt yêu cầu không có nhóm vi phạm' }]);
    }
    const item = await this.dataSource.transaction(async (tx) => {
      await this.openForWrite(tx, actor, id);
      const before = await this.inspections.recordFinding(tx, id, dossierId, {
        verdict: body.verdict,
        category: body.category ?? null,
        note: body.note || null,
        by: principal.id,
        byName: principal.displayName,
      });
      if (!before) throw notFound('Hồ sơ này không thuộc mẫu của đợt kiểm tra.');
      const [sample] = await this.inspections.sampleOf(tx, id, dossierId);
      await this.audit.record(
        actor,
        {
          action: 'inspection.finding-recorded',
          targetType: 'inspection',
          targetId: id,
          before: before.verdict ? { dossier: sample.code, ...before } : undefined,
          after: { dossier: sample.code, verdict: body.verdict, category: body.category ?? null, note: body.note || null },
        },
        tx,
      );
      return toSampleItem(sample);
    });
    return item;
  }

  /** Freezes the inspection: no more findings or draws from now on. */
  async close(actor: ActorContext, id: string): Promise<InspectionDetail> {
    const principal = principalOf(actor);
    await this.dataSource.transaction(async (tx) => {
      await this.openForWrite(tx, actor, id);
      await tx.query(
        `UPDATE inspections SET status = 'CLOSED', closed_at = now(), closed_by_name = $2, version = version + 1 WHERE id = $1`,
        [id, principal.displayName],
      );
      const counts = countsOf((await this.inspections.countsOf(tx, [id])).get(id));
      await this.audit.record(
        actor,
        {
          action: 'inspection.closed',
          targetType: 'inspection',
          targetId: id,
          after: { sampled: counts.sampled, compliant: counts.compliant, problem: counts.problem, pending: counts.pending },
        },
        tx,
      );
    });
    return this.get(actor, id);
  }

  async list(actor: ActorContext, query: ListInspectionsQuery): Promise<InspectionPage> {
    const principal = principalOf(actor);
    const limit = query.limit ?? DEFAULT_PAGE;
    const after = query.cursor ? (decodeCursor(query.cursor, 2) as [string, string]) : undefined;
    const rows = await this.inspections.findPage(this.dataSource.manager, principal.agencyPath, { status: query.status, after }, limit + 1);
    const page = rows.slice(0, limit);
    const counts = await this.inspections.countsOf(
      this.dataSource.manager,
      page.map((r) => r.id),
    );
    const last = page[page.length - 1];
    return {
      items: page.map((r) => toSummary(r, counts.get(r.id))),
      nextCursor: rows.length > limit ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
    };
  }

  async get(actor: ActorContext, id: string): Promise<InspectionDetail> {
    const em = this.dataSource.manager;
    const row = await this.inspections.findInScope(em, id, principalOf(actor).agencyPath);
    if (!row) throw inspectionNotFound();
    const [sample, counts] = await Promise.all([this.inspections.sampleOf(em, id), this.inspections.countsOf(em, [id])]);
    return { ...toSummary(row, counts.get(id)), sample: sample.map(toSampleItem) };
  }

  /** The inspection report: scope, period, seed, sample and findings, with the hash of its rows; files are audited. */
  async report(actor: ActorContext, id: string, format: InspectionReportFormat): Promise<InspectionReport | ReportFile> {
    const inspection = await this.get(actor, id);
    const generatedAt = new Date();
    const rows = inspectionRows(inspection);
    if (format === 'json') return { inspection, ...inspectionJsonTable(rows), generatedAt: generatedAt.toISOString() };
    const file = await inspectionFile(inspection, rows, principalOf(actor).displayName, generatedAt, format);
    await this.reports.recordExport(actor, 'inspection', format, { inspectionId: id, seed: inspection.seed, rows: file.rows }, file.sha256);
    return file;
  }

  /** The inspection under its row lock, in the caller's scope and still open. */
  private async openForWrite(tx: EntityManager, actor: ActorContext, id: string): Promise<InspectionRow> {
    const row = await this.inspections.findInScope(tx, id, principalOf(actor).agencyPath, true);
    if (!row) throw inspectionNotFound();
    if (row.status === 'CLOSED') throw conflict('INSPECTION_CLOSED', 'Đợt kiểm tra đã kết thúc; không thể thay đổi.');
    return row;
  }
}
