import type { Schemas } from '@motcua/api-client';
import { ACTION_RULES, DOSSIER_ACTIONS, STATUS_LABELS_VI, type DossierAction, type DossierStatus } from '@motcua/domain';
import { i18n } from '../../i18n/i18n';

export type Dossier = Schemas['DossierResponse'];
export type DossierSummary = Schemas['DossierSummary'];
export type Timeliness = NonNullable<DossierSummary['timeliness']>;
export type Channel = Schemas['Channel'];
export type ReturnMethod = Schemas['ReturnMethod'];
export type ApplicantType = NonNullable<Schemas['ApplicantDto']['type']>;
export type DocumentKind = Schemas['SubmittedDocumentDto']['kind'];
export type FormNumber = '01' | '02' | '03' | '04' | '05' | '06' | '07';
export type DossierStep = Schemas['DossierStepView'];
export type StepStatus = Schemas['StepStatus'];
export type StepAction = Schemas['StepAction'];

export const CHANNELS: readonly Channel[] = ['DIRECT', 'ONLINE', 'POSTAL'];
export const RETURN_METHODS: readonly ReturnMethod[] = ['IN_PERSON', 'POST', 'ELECTRONIC'];
export const APPLICANT_TYPES: readonly ApplicantType[] = ['INDIVIDUAL', 'ORGANIZATION', 'ENTERPRISE'];
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['ORIGINAL', 'COPY', 'ELECTRONIC'];
export const FORM_NUMBERS: readonly FormNumber[] = ['01', '02', '03', '04', '05', '06', '07'];

/** Green while comfortably in time, gold near the limit, red past it (open and finished alike). */
export const TIMELINESS_COLORS: Readonly<Record<Timeliness, string>> = {
  WITHIN: 'green',
  EARLY: 'green',
  DUE_SOON: 'gold',
  ON_TIME: 'gold',
  OVERDUE: 'red',
  LATE: 'red',
};

export const STATUS_COLORS: Readonly<Record<DossierStatus, string>> = {
  SUBMITTED: 'blue',
  RECEIVED: 'cyan',
  REFUSED: 'red',
  IN_PROCESS: 'processing',
  SUPPLEMENT_REQUESTED: 'orange',
  AWAITING_PAYMENT: 'orange',
  WITHDRAWAL_REQUESTED: 'purple',
  STOPPED: 'volcano',
  RESULT_READY: 'green',
  RETURNED: 'default',
};

/**
 * Grey before its turn, blue while at the agency, green when done, orange when sent back; grey
 * again when cancelled (the dossier was stopped or withdrawn: closed, never done). A cancelled
 * step never sits next to a pending one: stopping a dossier cancels every step not yet done.
 */
export const STEP_STATUS_COLORS: Readonly<Record<StepStatus, string>> = {
  PENDING: 'default',
  SENT: 'blue',
  ACCEPTED: 'processing',
  DONE: 'green',
  RETURNED: 'orange',
  CANCELLED: 'default',
};

/** "Chờ tiếp nhận", "Đang xử lý", "Đã hoàn thành", "Đã dừng", … */
export function stepStatusLabel(status: StepStatus): string {
  return i18n.t(`dossiers.stepStatuses.${status}`);
}

/** "Tiếp nhận", "Trả lại", "Phân công", "Nhận xử lý", "Hoàn thành", "Gửi lại". */
export function stepActionLabel(action: StepAction): string {
  return i18n.t(`dossiers.stepActions.${action}`);
}

/** "Trong hạn", "Sắp đến hạn", "Quá hạn", "Trước hạn", "Đúng hạn", "Trễ hạn". */
export function timelinessLabel(timeliness: Timeliness): string {
  return i18n.t(`dossiers.timeliness.${timeliness}`);
}

export function channelLabel(channel: Channel): string {
  return i18n.t(`dossiers.channels.${channel}`);
}

/** The national status text (STATUS_LABELS_VI, as citizens read it) in Vietnamese; translated otherwise. */
export function statusLabel(status: DossierStatus): string {
  return i18n.language === 'en' ? i18n.t(`dossiers.statuses.${status}`) : STATUS_LABELS_VI[status];
}

export function isDossierAction(value: string): value is DossierAction {
  return (DOSSIER_ACTIONS as readonly string[]).includes(value);
}

/** The action's name from the transition table (ACTION_RULES), the one the API and forms use. */
export function actionLabel(action: DossierAction): string {
  return i18n.language === 'en' ? i18n.t(`dossiers.actions.${action}`) : ACTION_RULES[action].labelVi;
}

/** A timeline row: an action, or a system event (submission, SLA marks, import). */
export function eventLabel(action: string): string {
  if (isDossierAction(action)) return actionLabel(action);
  return i18n.t(`dossiers.events.${action}`, { defaultValue: action });
}

export function returnMethodLabel(method: ReturnMethod): string {
  return i18n.t(`dossiers.returnMethods.${method}`);
}

export function applicantTypeLabel(type: ApplicantType): string {
  return i18n.t(`dossiers.applicantTypes.${type}`);
}

export function documentKindLabel(kind: DocumentKind): string {
  return i18n.t(`dossiers.documentKinds.${kind}`);
}

/** "Mẫu 01 – Giấy tiếp nhận hồ sơ và hẹn trả kết quả". */
export function formLabel(form: FormNumber): string {
  return i18n.t(`dossiers.forms.${form}`);
}

export function isFormNumber(value: string | null | undefined): value is FormNumber {
  return (FORM_NUMBERS as readonly string[]).includes(value ?? '');
}

const WORKING_DAY_MINUTES = 8 * 60;

/** Working minutes as officials count them: "2 ngày 3 giờ làm việc", "45 phút làm việc". */
export function workingTimeLabel(minutes: number): string {
  const total = Math.abs(Math.round(minutes));
  const days = Math.floor(total / WORKING_DAY_MINUTES);
  const hours = Math.floor((total % WORKING_DAY_MINUTES) / 60);
  const rest = total % 60;
  const parts: string[] = [];
  if (days) parts.push(i18n.t('dossiers.workingTime.days', { count: days }));
  if (hours) parts.push(i18n.t('dossiers.workingTime.hours', { count: hours }));
  if (!days && rest) parts.push(i18n.t('dossiers.workingTime.minutes', { count: rest }));
  if (!parts.length) parts.push(i18n.t('dossiers.workingTime.minutes', { count: 0 }));
  return i18n.t('dossiers.workingTime.working', { time: parts.join(' ') });
}

/** The address of a dossier's page. */
export function dossierPath(code: string): string {
  return `/ho-so/${encodeURIComponent(code)}`;
}

/** Options for a Select or Radio group. */
export function optionsOf<T extends string>(values: readonly T[], label: (value: T) => string): Array<{ value: T; label: string }> {
  return values.map((value) => ({ value, label: label(value) }));
}
