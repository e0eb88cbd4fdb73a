import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ActorContext, principalOf } from '../../../common/auth/actor';
import { ProblemException } from '../../../common/problem/problem';
import { validationProblem } from '../../../common/problem/validation';
import { AuditService } from '../../audit/audit.service';
import { DossierForm } from '../entities/dossier-form.entity';
import { dossierNotFound } from '../dossiers.errors';
import { DossiersRepository } from '../dossiers.repository';
import { FORM_EVENTS, formDefinition, FORMS, FormNumber } from './form-templates';
import { renderPdf } from './pdf-renderer';
import { RoutingService } from '../routing/routing.service';
import { toControlSheetRow } from '../routing/step-views';

@Injectable()
export class DossierFormsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dossiers: DossiersRepository,
    private readonly audit: AuditService,
    private readonly routing: RoutingService,
  ) {}

  /** Renders a form of a dossier in the caller's scope; every print is recorded and audited (it carries personal data). */
  async generate(actor: ActorContext, code: string, form: string, publicBaseUrl: string): Promise<{ pdf: Buffer; filename: string }> {
    if (!(FORMS as readonly string[]).includes(form)) {
      throw validationProblem([{ field: 'form', rule: 'isIn', message: `Mẫu phải là một trong ${FORMS.join(', ')}` }]);
    }
    const number = form as FormNumber;
    const principal = principalOf(actor);
    const row = await this.dossiers.findByCodeInScope(principal, code);
    if (!row) throw dossierNotFound();
    const { dossier } = row;
    const timeline = await this.dossiers.timeline(dossier.id);
    const event = FORM_EVENTS[number];
    if (event && !timeline.some((e) => e.action === event)) {
      throw new ProblemException({
        status: 409,
        code: 'FORM_NOT_APPLICABLE',
        title: 'Conflict',
        detail: `Hồ sơ chưa có thao tác tương ứng với Mẫu ${number}.`,
      });
    }
    const agencies: Array<{ id: string; name: string }> = await this.dataSource.query(
      'SELECT id, name FROM agencies WHERE id = $1 OR id = $2',
      [dossier.receivingAgencyId, dossier.competentAgencyId],
    );
    const nameOf = (id: string) => agencies.find((a) => a.id === id)?.name ?? '';
    const route = number === '06' ? await this.routing.load(this.dataSource.manager, dossier) : undefined;
    const nameOfStep = (id: string | null) => (id ? (route?.agencies.get(id)?.name ?? null) : null);
    const lookupUrl = `${publicBaseUrl}/tra-cuu?ma=${encodeURIComponent(dossier.code)}&secret=${dossier.lookupSecret}`;
    const pdf = await renderPdf(
      formDefinition(number, {
        dossier,
        procedureName: row.procedureName,
        receivingAgencyName: nameOf(dossier.receivingAgencyId),
        competentAgencyName: nameOf(dossier.competentAgencyId),
        timeline,
        lookupUrl,
        printedBy: principal.name,
        controlSheet: (route?.steps ?? []).map((step) => toControlSheetRow(step, nameOfStep)),
      }),
    );
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    await this.dataSource.transaction(async (tx) => {
      await tx.insert(DossierForm, {
        dossierId: dossier.id,
        form: number,
        sha256,
        generatedBy: principal.id,
        generatedByName: principal.name,
      });
      await this.audit.record(
        actor,
        { action: 'dossier.form-printed', targetType: 'dossier', targetId: dossier.code, after: { form: number, sha256 } },
        tx,
      );
    });
    return { pdf, filename: `mau-${number}-${dossier.code}.pdf` };
  }
}
