import type { Schemas } from '@motcua/api-client';
import type { Role, TemplateStep } from '@motcua/domain';
import dayjs, { type Dayjs } from 'dayjs';
import type { DurationUnit, OnlineRegime, ProcedureLevel, StepActor } from './labels';

type Procedure = Schemas['ProcedureResponse'];
export type ProcedureDefinition = Omit<Schemas['CreateProcedureRequest'], 'code'>;

export interface StepValues {
  name: string;
  actor: StepActor;
  agencyId?: string | null;
  role: Role;
  budgetHours: number | null;
  parallelGroup?: string | null;
}

export interface DocumentValues {
  name: string;
  originals: number;
  copies: number;
  mandatory: boolean;
  note?: string;
}

export interface FeeValues {
  name: string;
  amount: number;
  note?: string;
}

/** What the procedure form holds: the API's definition with dates as dayjs for the pickers. */
export interface ProcedureFormValues {
  code?: string;
  name: string;
  field: string;
  level: ProcedureLevel;
  competentAgencyId?: string | null;
  processingAmount: number;
  processingUnit: DurationUnit;
  onlineRegime: OnlineRegime;
  paperResultRequired: boolean;
  electronicResultAllowed: boolean;
  pauseClockOnPayment: boolean;
  legalBasis: string;
  validFrom?: Dayjs | null;
  validTo?: Dayjs | null;
  documents: DocumentValues[];
  fees: FeeValues[];
  steps: StepValues[];
}

/** Field names the API may report errors on; list fields also take `steps.2.agencyId` paths. */
export const PROCEDURE_FIELDS = [
  'code',
  'name',
  'field',
  'level',
  'competentAgencyId',
  'processingAmount',
  'processingUnit',
  'onlineRegime',
  'paperResultRequired',
  'electronicResultAllowed',
  'pauseClockOnPayment',
  'legalBasis',
  'validFrom',
  'validTo',
  'documents',
  'fees',
  'steps',
] as const;

export const NEW_STEP: StepValues = {
  name: '',
  actor: 'COMPETENT',
  agencyId: null,
  role: 'SPECIALIST',
  budgetHours: 8,
  parallelGroup: null,
};

export function formValuesOf(procedure: Procedure): ProcedureFormValues {
  return {
    code: procedure.code,
    name: procedure.name,
    field: procedure.field,
    level: procedure.level,
    competentAgencyId: procedure.competentAgencyId,
    processingAmount: procedure.processingAmount,
    processingUnit: procedure.processingUnit,
    onlineRegime: procedure.onlineRegime,
    paperResultRequired: procedure.paperResultRequired,
    electronicResultAllowed: procedure.electronicResultAllowed,
    pauseClockOnPayment: procedure.pauseClockOnPayment,
    legalBasis: procedure.legalBasis,
    validFrom: procedure.validFrom ? dayjs(procedure.validFrom) : null,
    validTo: procedure.validTo ? dayjs(procedure.validTo) : null,
    documents: procedure.documents.map((d) => ({
      name: d.name,
      originals: d.originals,
      copies: d.copies,
      mandatory: d.mandatory,
      note: d.note,
    })),
    fees: procedure.fees.map((f) => ({ name: f.name, amount: f.amount, note: f.note })),
    steps: procedure.steps.map((s) => ({
      name: s.name,
      actor: s.actor,
      agencyId: s.agencyId ?? null,
      role: s.role,
      budgetHours: s.budgetHours,
      parallelGroup: s.parallelGroup ?? null,
    })),
  };
}

const blank = (value: string | undefined | null) => value?.trim() || undefined;

/** The steps as the budget arithmetic of @motcua/domain reads them (an empty budget counts 0). */
export function templateSteps(steps: ReadonlyArray<Partial<StepValues> | undefined> | undefined): TemplateStep[] {
  return (steps ?? []).map((step) => ({
    name: step?.name ?? '',
    budgetHours: Number(step?.budgetHours) || 0,
    parallelGroup: step?.parallelGroup?.trim() || null,
  }));
}

/** The request body of the form's values (an agency only on steps done by a fixed agency). */
export function definitionOf(values: ProcedureFormValues): ProcedureDefinition {
  return {
    name: values.name.trim(),
    field: values.field.trim(),
    level: values.level,
    competentAgencyId: values.competentAgencyId ?? null,
    processingAmount: values.processingAmount,
    processingUnit: values.processingUnit,
    onlineRegime: values.onlineRegime,
    paperResultRequired: values.paperResultRequired,
    electronicResultAllowed: values.electronicResultAllowed,
    pauseClockOnPayment: values.pauseClockOnPayment,
    legalBasis: values.legalBasis ?? '',
    validFrom: values.validFrom ? values.validFrom.format('YYYY-MM-DD') : null,
    validTo: values.validTo ? values.validTo.format('YYYY-MM-DD') : null,
    documents: (values.documents ?? []).map((d) => ({
      name: d.name.trim(),
      originals: d.originals ?? 0,
      copies: d.copies ?? 0,
      mandatory: Boolean(d.mandatory),
      note: blank(d.note),
    })),
    fees: (values.fees ?? []).map((f) => ({ name: f.name.trim(), amount: f.amount ?? 0, note: blank(f.note) })),
    steps: (values.steps ?? []).map((s) => ({
      name: s.name.trim(),
      actor: s.actor,
      agencyId: s.actor === 'FIXED' ? (s.agencyId ?? null) : null,
      role: s.role,
      budgetHours: Number(s.budgetHours),
      parallelGroup: s.parallelGroup?.trim() || null,
    })),
  };
}
