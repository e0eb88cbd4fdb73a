import { isProblem, type Schemas } from '@motcua/api-client';
import { checkIdentifier, foldVietnamese, type IdentifierType } from '@motcua/domain';
import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { errorMessage } from '../../../app/api';
import { i18n } from '../../../i18n/i18n';
import type { ApplicantType, DocumentKind } from '../labels';

type PublicProcedure = Schemas['ProcedureResponse'];
type RequiredDocument = Schemas['RequiredDocumentDto'];
export type CreateDossierRequest = Schemas['CreateDossierRequest'];
export type IntakeChannel = 'DIRECT' | 'POSTAL';

/** One line of the procedure's checklist: received or not, as what, how many. */
export interface DocumentRow {
  submitted: boolean;
  kind: DocumentKind;
  count: number;
}

export interface IntakeValues {
  procedureCode?: string;
  receivingAgencyId?: string;
  channel: IntakeChannel;
  applicant: {
    type: ApplicantType;
    fullName?: string;
    name?: string;
    dateOfBirth?: Dayjs | null;
    sex?: 'MALE' | 'FEMALE';
    identifiers: Array<{ type: IdentifierType; value?: string }>;
    phone?: string;
    email?: string;
    address?: string;
  };
  documents: DocumentRow[];
  note?: string;
}

/** What the official usually receives of a document: the original when one is asked for, else a copy. */
export function defaultDocumentRow(document: RequiredDocument): DocumentRow {
  return {
    submitted: false,
    kind: document.originals > 0 ? 'ORIGINAL' : 'COPY',
    count: Math.max(1, document.originals || document.copies),
  };
}

/** The identifier an applicant of this type usually shows first. */
export function defaultIdentifierType(type: ApplicantType): IdentifierType {
  return type === 'INDIVIDUAL' ? 'CCCD' : type === 'ENTERPRISE' ? 'TAX_CODE' : 'AGENCY_CODE';
}

function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** The form as the API's CreateDossierRequest: only the documents ticked, identifiers normalized. */
export function intakeRequest(values: IntakeValues, procedure: PublicProcedure): CreateDossierRequest {
  const { applicant } = values;
  const individual = applicant.type === 'INDIVIDUAL';
  return {
    procedureCode: procedure.code,
    receivingAgencyId: values.receivingAgencyId,
    channel: values.channel,
    applicant: {
      type: applicant.type,
      fullName: individual ? text(applicant.fullName) : undefined,
      name: individual ? undefined : text(applicant.name),
      dateOfBirth: individual && applicant.dateOfBirth ? applicant.dateOfBirth.format('YYYY-MM-DD') : undefined,
      sex: individual ? applicant.sex : undefined,
      identifiers: (applicant.identifiers ?? [])
        .filter((identifier) => text(identifier.value))
        .map((identifier) => {
          const check = checkIdentifier(identifier.type, identifier.value ?? '');
          return { type: identifier.type, value: check.valid ? check.normalized : (identifier.value ?? '').trim() };
        }),
      phone: text(applicant.phone),
      email: text(applicant.email),
      address: text(applicant.address),
    },
    documents: procedure.documents.flatMap((document, index) => {
      const row = values.documents?.[index];
      return row?.submitted ? [{ name: document.name, kind: row.kind, count: row.count }] : [];
    }),
    note: text(values.note),
  };
}

type NamePath = Array<string | number>;

/** The form field an API error path names (`applicant.identifiers.0.value` → ['applicant', 'identifiers', 0, 'value']). */
function fieldOf(path: string): NamePath | undefined {
  if (path === 'receivingAgencyCode' || path === 'receivingAgencyId') return ['receivingAgencyId'];
  if (path === 'procedureCode' || path === 'procedureId') return ['procedureCode'];
  if (path === 'channel' || path === 'note') return [path];
  const documentRow = /^documents\.(\d+)(?:\.|$)/.exec(path);
  if (documentRow) return ['documents', Number(documentRow[1]), 'submitted'];
  if (path.startsWith('applicant.')) return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  return undefined;
}

/**
 * Puts an intake failure on the form: the mandatory documents the API found missing (422
 * DOCUMENTS_MISSING names them) on their checklist lines, field errors (400) under their fields.
 * Returns what to show above the form, undefined when nothing is left to say.
 */
export function applyIntakeProblem(form: FormInstance, error: unknown, procedure: PublicProcedure | undefined): string | undefined {
  if (!isProblem(error) || !error.errors?.length) return errorMessage(error);
  if (error.code === 'DOCUMENTS_MISSING') {
    const names = procedure?.documents.map((document) => foldVietnamese(document.name)) ?? [];
    const fields = error.errors.flatMap((missing) => {
      const index = names.indexOf(foldVietnamese(missing.message));
      return index < 0
        ? []
        : [{ name: ['documents', index, 'submitted'] as NamePath, errors: [i18n.t('dossiers.intake.documentMissing')] }];
    });
    form.setFields(fields);
    return `${error.detail} ${i18n.t('dossiers.intake.missingList', { names: error.errors.map((missing) => missing.message).join('; ') })}`;
  }
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  const rest: string[] = [];
  for (const fieldError of error.errors) {
    const name = fieldOf(fieldError.field);
    if (!name) {
      rest.push(fieldError.message);
      continue;
    }
    const entry = byField.get(name.join('.')) ?? { name, errors: [] };
    entry.errors.push(fieldError.message);
    byField.set(name.join('.'), entry);
  }
  form.setFields([...byField.values()]);
  if (!byField.size) return errorMessage(error);
  return rest.length ? `${error.detail} — ${rest.join('; ')}` : i18n.t('dossiers.intake.fixFields');
}

/**
 * One key per filled form: a double click, or a retry after a lost answer, gives back the dossier
 * already created instead of a second one. getRandomValues works outside secure contexts too.
 */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `intake-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
