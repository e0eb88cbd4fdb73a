import { foldVietnamese, processingHours, templateBudgetHours, templateIssues } from '@motcua/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ActorContext } from '../../common/auth/actor';
import { FieldError, ProblemException } from '../../common/problem/problem';
import { validationProblem } from '../../common/problem/validation';
import { AuditService } from '../audit/audit.service';
import { staleVersion } from '../../common/problem/stale-version';
import {
  CreateProcedureRequest,
  ListProceduresQuery,
  ProcedurePage,
  ProcedureResponse,
  ProcedureSummary,
  ProcessStepDto,
  UpdateProcedureRequest,
} from './dto/procedure.dto';
import { ProcedureStep } from './entities/procedure-step.entity';
import { Procedure } from './entities/procedure.entity';
import { ProcedureFilters, ProceduresRepository } from './procedures.repository';

const DEFAULT_PAGE = 50;

export const procedureNotFound = () =>
  new ProblemException({ status: 404, code: 'PROCEDURE_NOT_FOUND', title: 'Not found', detail: 'Không tìm thấy thủ tục hành chính.' });

const conflict = (code: string, detail: string) => new ProblemException({ status: 409, code, title: 'Conflict', detail });

/** The definition of a version, whether it comes from the API, an import or the demo seed. */
export type ProcedureDefinition = Omit<CreateProcedureRequest, 'code'>;

function searchText(p: Pick<Procedure, 'code' | 'name' | 'field'>): string {
  return foldVietnamese(`${p.code} ${p.name} ${p.field}`);
}

function summary(p: Procedure, agencyNames: Map<string, string>): ProcedureSummary {
  return {
    id: p.id,
    code: p.code,
    versionNo: p.versionNo,
    name: p.name,
    field: p.field,
    level: p.level,
    competentAgencyId: p.competentAgencyId,
    competentAgencyName: p.competentAgencyId ? (agencyNames.get(p.competentAgencyId) ?? null) : null,
    processingAmount: p.processingAmount,
    processingUnit: p.processingUnit,
    onlineRegime: p.onlineRegime,
    status: p.status,
    feeTotal: p.fees.reduce((sum, fee) => sum + fee.amount, 0),
    version: p.version,
  };
}

function auditView(p: Procedure): Record<string, unknown> {
  return {
    code: p.code,
    versionNo: p.versionNo,
    name: p.name,
    status: p.status,
    processingAmount: p.processingAmount,
    processingUnit: p.processingUnit,
  };
}

@Injectable()
export class ProceduresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly procedures: ProceduresRepository,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListProceduresQuery, extra: Partial<ProcedureFilters> = {}): Promise<ProcedurePage> {
    const { rows, nextCursor } = await this.procedures.findPage({ ...query, ...extra, limit: query.limit ?? DEFAULT_PAGE });
    const names = await this.procedures.agencyNames(rows.map((r) => r.competentAgencyId));
    return { items: rows.map((r) => summary(r, names)), nextCursor };
  }

  async get(id: string, manager?: EntityManager): Promise<ProcedureResponse> {
    const procedure = await this.procedures.findById(id, manager);
    if (!procedure) throw procedureNotFound();
    return this.toResponse(procedure, manager);
  }

  async getPublishedByCode(code: string): Promise<ProcedureResponse> {
    const procedure = await this.procedures.findPublishedByCode(code);
    if (!procedure) throw procedureNotFound();
    return this.toResponse(procedure);
  }

  fields(): Promise<string[]> {
    return this.procedures.distinctFields();
  }

  async create(
    actor: ActorContext | undefined,
    body: CreateProcedureRequest,
    options: { publish?: boolean; manager?: EntityManager } = {},
  ): Promise<ProcedureResponse> {
    const work = async (tx: EntityManager) => {
      if ((await this.procedures.maxVersion(body.code, tx)) > 0) {
        throw conflict('PROCEDURE_CODE_EXISTS', `Mã thủ tục ${body.code} đã có trong danh mục: hãy tạo phiên bản mới.`);
      }
      const procedure = await this.insertVersion(tx, body.code, 1, body);
      if (options.publish) await this.publishVersion(tx, procedure);
      await this.audit.record(
        actor,
        { action: 'procedure.created', targetType: 'procedure', targetId: procedure.id, after: auditView(procedure) },
        tx,
      );
      return this.get(procedure.id, tx);
    };
    return options.manager ? work(options.manager) : this.dataSource.transaction(work);
  }

  async update(actor: ActorContext, id: string, body: UpdateProcedureRequest): Promise<ProcedureResponse> {
    return this.dataSource.transaction(async (tx) => {
      const procedure = await this.lockDraft(tx, id, body.version);
      const before = auditView(procedure);
      const steps = body.steps ?? (await this.stepsAsDtos(procedure.id, tx));
      const definition: ProcedureDefinition = {
        name: body.name ?? procedure.name,
        field: body.field ?? procedure.field,
        level: body.level ?? procedure.level,
        competentAgencyId: body.competentAgencyId === undefined ? procedure.competentAgencyId : body.competentAgencyId,
        processingAmount: body.processingAmount ?? procedure.processingAmount,
        processingUnit: body.processingUnit ?? procedure.processingUnit,
        fees: body.fees ?? procedure.fees,
        documents: body.documents ?? procedure.documents,
        onlineRegime: body.onlineRegime ?? procedure.onlineRegime,
        paperResultRequired: body.paperResultRequired ?? procedure.paperResultRequired,
        electronicResultAllowed: body.electronicResultAllowed ?? procedure.electronicResultAllowed,
        pauseClockOnPayment: body.pauseClockOnPayment ?? procedure.pauseClockOnPayment,
        legalBasis: body.legalBasis ?? procedure.legalBasis,
        validFrom: body.validFrom === undefined ? procedure.validFrom : body.validFrom,
        validTo: body.validTo === undefined ? procedure.validTo : body.validTo,
        steps,
      };
      await this.assertValid(tx, definition);
      Object.assign(procedure, this.columns(procedure.code, definition));
      await tx.save(procedure);
      if (body.steps) await this.replaceSteps(tx, procedure.id, body.steps);
      await this.audit.record(
        actor,
        { action: 'procedure.updated', targetType: 'procedure', targetId: id, before, after: auditView(procedure) },
        tx,
      );
      return this.get(id, tx);
    });
  }

  /** A new draft copied from a version; at most one draft per code at a time. */
  async newVersion(actor: ActorContext, id: string): Promise<ProcedureResponse> {
    return this.dataSource.transaction(async (tx) => {
      const source = await this.procedures.findById(id, tx);
      if (!source) throw procedureNotFound();
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`procedure:${source.code}`]);
      if (await this.procedures.hasDraft(source.code, tx)) {
        throw conflict('PROCEDURE_DRAFT_EXISTS', 'Thủ tục này đang có một phiên bản dự thảo: hãy sửa phiên bản đó.');
      }
      const definition: ProcedureDefinition = { ...source, steps: await this.stepsAsDtos(source.id, tx) };
      const created = await this.insertVersion(tx, source.code, (await this.procedures.maxVersion(source.code, tx)) + 1, definition);
      await this.audit.record(
        actor,
        { action: 'procedure.version-created', targetType: 'procedure', targetId: created.id, after: auditView(created) },
        tx,
      );
      return this.get(created.id, tx);
    });
  }

  /** Publishing retires the previously published version; dossiers keep the version they were received under. */
  async publish(actor: ActorContext, id: string, version: number): Promise<ProcedureResponse> {
    return this.dataSource.transaction(async (tx) => {
      const procedure = await this.lockDraft(tx, id, version);
      await this.assertValid(tx, { ...procedure, steps: await this.stepsAsDtos(procedure.id, tx) }, { requireSteps: true });
      const retired = await this.publishVersion(tx, procedure);
      await this.audit.record(
        actor,
        {
          action: 'procedure.published',
          targetType: 'procedure',
          targetId: id,
          after: { ...auditView(procedure), retiredVersionId: retired },
        },
        tx,
      );
      return this.get(id, tx);
    });
  }

  async retire(actor: ActorContext, id: string, version: number): Promise<ProcedureResponse> {
    return this.dataSource.transaction(async (tx) => {
      const procedure = await this.procedures.findById(id, tx, true);
      if (!procedure) throw procedureNotFound();
      if (procedure.version !== version) throw staleVersion(procedure.version);
      if (procedure.status !== 'PUBLISHED') throw conflict('PROCEDURE_NOT_PUBLISHED', 'Chỉ thủ tục đang công bố mới có thể bãi bỏ.');
      procedure.status = 'RETIRED';
      procedure.retiredAt = new Date();
      await tx.save(procedure);
      await this.audit.record(
        actor,
        { action: 'procedure.retired', targetType: 'procedure', targetId: id, after: auditView(procedure) },
        tx,
      );
      return this.get(id, tx);
    });
  }

  /**
   * Writes an imported definition: a new procedure, or a new draft version of an existing code
   * (refused when that code already has a draft). Runs inside the import's transaction.
   */
  async importVersion(tx: EntityManager, actor: ActorContext, code: string, d: ProcedureDefinition, publish: boolean): Promise<string> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`procedure:${code}`]);
    if (await this.procedures.hasDraft(code, tx)) {
      throw conflict('PROCEDURE_DRAFT_EXISTS', `Thủ tục ${code} đang có một phiên bản dự thảo`);
    }
    const procedure = await this.insertVersion(tx, code, (await this.procedures.maxVersion(code, tx)) + 1, d);
    if (publish) await this.publishVersion(tx, procedure);
    await this.audit.record(
      actor,
      { action: 'procedure.imported', targetType: 'procedure', targetId: procedure.id, after: auditView(procedure) },
      tx,
    );
    return procedure.id;
  }

  /** Field errors of a definition: agencies that exist, step actors, parallel groups, budget vs processing time. */
  async definitionErrors(tx: EntityManager, d: ProcedureDefinition, options: { requireSteps?: boolean } = {}): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    const agencyIds = [d.competentAgencyId, ...d.steps.map((s) => s.agencyId)].filter((id): id is string => Boolean(id));
    const existing = await this.procedures.existingAgencyIds(agencyIds, tx);
    if (d.competentAgencyId && !existing.has(d.competentAgencyId)) {
      errors.push({ field: 'competentAgencyId', rule: 'agencyExists', message: 'Cơ quan có thẩm quyền không tồn tại' });
    }
    d.steps.forEach((step, i) => {
      if (step.actor === 'FIXED' && !step.agencyId)
        errors.push({ field: `steps.${i}.agencyId`, rule: 'required', message: 'Bước do cơ quan cố định thực hiện phải chọn cơ quan' });
      if (step.actor !== 'FIXED' && step.agencyId)
        errors.push({
          field: `steps.${i}.agencyId`,
          rule: 'notAllowed',
          message: 'Chỉ bước do cơ quan cố định thực hiện mới chọn cơ quan',
        });
      if (step.agencyId && !existing.has(step.agencyId))
        errors.push({ field: `steps.${i}.agencyId`, rule: 'agencyExists', message: 'Cơ quan không tồn tại' });
    });
    for (const issue of templateIssues(d.steps)) errors.push({ field: `steps.${issue.index}`, rule: issue.rule, message: issue.message });
    const allowed = processingHours(d.processingAmount, d.processingUnit);
    const needed = templateBudgetHours(d.steps);
    if (needed > allowed) {
      errors.push({
        field: 'steps',
        rule: 'budgetExceeded',
        message: `Tổng thời gian các bước (${needed} giờ) vượt thời hạn giải quyết (${allowed} giờ làm việc)`,
      });
    }
    if (options.requireSteps && !d.steps.length)
      errors.push({ field: 'steps', rule: 'required', message: 'Quy trình phải có ít nhất một bước' });
    if (d.validFrom && d.validTo && d.validFrom > d.validTo)
      errors.push({ field: 'validTo', rule: 'afterValidFrom', message: 'Ngày hết hiệu lực phải sau ngày bắt đầu' });
    return errors;
  }

  private async assertValid(tx: EntityManager, d: ProcedureDefinition, options: { requireSteps?: boolean } = {}): Promise<void> {
    const errors = await this.definitionErrors(tx, d, options);
    if (errors.length) throw validationProblem(errors);
  }

  private columns(code: string, d: ProcedureDefinition): Partial<Procedure> {
    return {
      name: d.name,
      field: d.field,
      level: d.level,
      competentAgencyId: d.competentAgencyId ?? null,
      processingAmount: d.processingAmount,
      processingUnit: d.processingUnit,
      fees: d.fees,
      documents: d.documents,
      onlineRegime: d.onlineRegime,
      paperResultRequired: d.paperResultRequired,
      electronicResultAllowed: d.electronicResultAllowed,
      pauseClockOnPayment: d.pauseClockOnPayment ?? false,
      legalBasis: d.legalBasis,
      validFrom: d.validFrom ?? null,
      validTo: d.validTo ?? null,
      searchText: searchText({ code, name: d.name, field: d.field }),
    };
  }

  private async insertVersion(tx: EntityManager, code: string, versionNo: number, d: ProcedureDefinition): Promise<Procedure> {
    await this.assertValid(tx, d);
    const procedure = tx.create(Procedure, { code, versionNo, status: 'DRAFT', ...this.columns(code, d) });
    await tx.save(procedure);
    await this.replaceSteps(tx, procedure.id, d.steps);
    return procedure;
  }

  private async publishVersion(tx: EntityManager, procedure: Procedure): Promise<string | null> {
    const previous = await this.procedures.findPublishedByCode(procedure.code, tx);
    if (previous) {
      previous.status = 'RETIRED';
      previous.retiredAt = new Date();
      await tx.save(previous);
    }
    procedure.status = 'PUBLISHED';
    procedure.publishedAt = new Date();
    await tx.save(procedure);
    return previous?.id ?? null;
  }

  private async lockDraft(tx: EntityManager, id: string, version: number): Promise<Procedure> {
    const procedure = await this.procedures.findById(id, tx, true);
    if (!procedure) throw procedureNotFound();
    if (procedure.version !== version) throw staleVersion(procedure.version);
    if (procedure.status !== 'DRAFT') {
      throw conflict('PROCEDURE_NOT_DRAFT', 'Chỉ sửa hoặc công bố được phiên bản dự thảo: hãy tạo phiên bản mới.');
    }
    return procedure;
  }

  private async replaceSteps(tx: EntityManager, procedureId: string, steps: ProcessStepDto[]): Promise<void> {
    await tx.delete(ProcedureStep, { procedureId });
    if (!steps.length) return;
    await tx.insert(
      ProcedureStep,
      steps.map((s, i) => ({
        procedureId,
        seq: i + 1,
        name: s.name,
        actor: s.actor,
        agencyId: s.agencyId ?? null,
        role: s.role,
        budgetMinutes: Math.round(s.budgetHours * 60),
        parallelGroup: s.parallelGroup ?? null,
      })),
    );
  }

  private async stepsAsDtos(procedureId: string, tx?: EntityManager): Promise<ProcessStepDto[]> {
    return (await this.procedures.stepsOf(procedureId, tx)).map((s) => ({
      name: s.name,
      actor: s.actor,
      agencyId: s.agencyId,
      role: s.role,
      budgetHours: s.budgetMinutes / 60,
      parallelGroup: s.parallelGroup,
    }));
  }

  private async toResponse(p: Procedure, manager?: EntityManager): Promise<ProcedureResponse> {
    const [steps, versions] = await Promise.all([this.procedures.stepsOf(p.id, manager), this.procedures.versionsOf(p.code, manager)]);
    const names = await this.procedures.agencyNames([p.competentAgencyId, ...steps.map((s) => s.agencyId)], manager);
    const stepResponses = steps.map((s) => ({
      id: s.id,
      seq: s.seq,
      name: s.name,
      actor: s.actor,
      agencyId: s.agencyId,
      agencyName: s.agencyId ? (names.get(s.agencyId) ?? null) : null,
      role: s.role,
      budgetHours: s.budgetMinutes / 60,
      parallelGroup: s.parallelGroup,
    }));
    return {
      ...summary(p, names),
      fees: p.fees,
      documents: p.documents,
      paperResultRequired: p.paperResultRequired,
      electronicResultAllowed: p.electronicResultAllowed,
      pauseClockOnPayment: p.pauseClockOnPayment,
      legalBasis: p.legalBasis,
      validFrom: p.validFrom,
      validTo: p.validTo,
      publishedAt: p.publishedAt?.toISOString() ?? null,
      steps: stepResponses,
      templateHours: templateBudgetHours(stepResponses),
      processingHours: processingHours(p.processingAmount, p.processingUnit),
      versions: versions.map((v) => ({
        id: v.id,
        versionNo: v.versionNo,
        status: v.status,
        publishedAt: v.publishedAt?.toISOString() ?? null,
      })),
    };
  }
}
