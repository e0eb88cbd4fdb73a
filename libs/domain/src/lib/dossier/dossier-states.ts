import type { Permission } from '../access/permissions';

/** Internal states of a dossier and the national status codes (1–10) the portal uses (DOMAIN §4). */
export const DOSSIER_STATUSES = [
  'SUBMITTED',
  'RECEIVED',
  'REFUSED',
  'IN_PROCESS',
  'SUPPLEMENT_REQUESTED',
  'AWAITING_PAYMENT',
  'WITHDRAWAL_REQUESTED',
  'STOPPED',
  'RESULT_READY',
  'RETURNED',
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

export const STATUS_CODES: Readonly<Record<DossierStatus, number>> = {
  SUBMITTED: 1,
  RECEIVED: 2,
  REFUSED: 3,
  IN_PROCESS: 4,
  SUPPLEMENT_REQUESTED: 5,
  AWAITING_PAYMENT: 6,
  WITHDRAWAL_REQUESTED: 7,
  STOPPED: 8,
  RESULT_READY: 9,
  RETURNED: 10,
};

export function statusOfCode(code: number): DossierStatus | undefined {
  return DOSSIER_STATUSES.find((status) => STATUS_CODES[status] === code);
}

/** Vietnamese status text, as citizens read it on the public lookup. */
export const STATUS_LABELS_VI: Readonly<Record<DossierStatus, string>> = {
  SUBMITTED: 'Đã nộp trực tuyến, chờ tiếp nhận',
  RECEIVED: 'Đã tiếp nhận',
  REFUSED: 'Từ chối tiếp nhận',
  IN_PROCESS: 'Đang giải quyết',
  SUPPLEMENT_REQUESTED: 'Yêu cầu bổ sung hồ sơ',
  AWAITING_PAYMENT: 'Chờ thực hiện nghĩa vụ tài chính',
  WITHDRAWAL_REQUESTED: 'Công dân đề nghị rút hồ sơ',
  STOPPED: 'Dừng giải quyết',
  RESULT_READY: 'Đã có kết quả, chờ trả',
  RETURNED: 'Đã trả kết quả',
};

/** Sub-stages of IN_PROCESS, used by the approval actions. */
export const PROCESS_STAGES = ['PROCESSING', 'APPROVAL', 'APPROVED'] as const;
export type ProcessStage = (typeof PROCESS_STAGES)[number];

export const DOSSIER_ACTIONS = [
  'accept',
  'request-supplement',
  'receive-supplement',
  'refuse',
  'forward',
  'request-payment',
  'confirm-payment',
  'submit-for-approval',
  'approve',
  'issue-result',
  'reject-with-reasons',
  'apologize',
  'request-withdrawal',
  'confirm-withdrawal',
  'stop',
  'return-result',
] as const;
export type DossierAction = (typeof DOSSIER_ACTIONS)[number];

export type RequiredField = 'reason' | 'newAppointment' | 'amount' | 'returnMethod';

/** Which agency of the dossier the actor must have in scope: the one-stop desk or the competent agency. */
export type ActingSide = 'RECEIVING' | 'COMPETENT';

export interface ActionRule {
  action: DossierAction;
  /** States (and, for IN_PROCESS, stages) the action applies to. */
  from: ReadonlyArray<DossierStatus | `IN_PROCESS:${ProcessStage}`>;
  /** The state after; `undefined` keeps the state (apology) or returns to the state before a pause. */
  to?: DossierStatus;
  /** Any one of these permissions allows it. */
  permissions: readonly Permission[];
  side: ActingSide;
  requires: readonly RequiredField[];
  /** The form generated with the action (Circular 01/2018 → 03/2025 numbering). */
  form?: '01' | '02' | '03' | '04' | '05';
  labelVi: string;
}

const OPEN_STATES: DossierStatus[] = ['RECEIVED', 'IN_PROCESS', 'SUPPLEMENT_REQUESTED', 'AWAITING_PAYMENT'];

/** The allowed transitions, with who may trigger them and what they need. The API and the admin both read this table. */
export const ACTION_RULES: Readonly<Record<DossierAction, ActionRule>> = {
  accept: {
    action: 'accept',
    from: ['SUBMITTED'],
    to: 'RECEIVED',
    permissions: ['dossiers:intake'],
    side: 'RECEIVING',
    requires: [],
    form: '01',
    labelVi: 'Tiếp nhận hồ sơ',
  },
  'request-supplement': {
    action: 'request-supplement',
    from: ['SUBMITTED', 'IN_PROCESS:PROCESSING'],
    to: 'SUPPLEMENT_REQUESTED',
    permissions: ['dossiers:intake', 'dossiers:process'],
    side: 'RECEIVING',
    requires: ['reason'],
    form: '02',
    labelVi: 'Yêu cầu bổ sung hồ sơ',
  },
  'receive-supplement': {
    action: 'receive-supplement',
    from: ['SUPPLEMENT_REQUESTED'],
    permissions: ['dossiers:intake', 'dossiers:process'],
    side: 'RECEIVING',
    requires: [],
    labelVi: 'Nhận hồ sơ bổ sung',
  },
  refuse: {
    action: 'refuse',
    from: ['SUBMITTED'],
    to: 'REFUSED',
    permissions: ['dossiers:intake'],
    side: 'RECEIVING',
    requires: ['reason'],
    form: '03',
    labelVi: 'Từ chối tiếp nhận',
  },
  forward: {
    action: 'forward',
    from: ['RECEIVED'],
    to: 'IN_PROCESS',
    permissions: ['dossiers:intake'],
    side: 'RECEIVING',
    requires: [],
    labelVi: 'Chuyển cơ quan giải quyết',
  },
  'request-payment': {
    action: 'request-payment',
    from: ['IN_PROCESS:PROCESSING'],
    to: 'AWAITING_PAYMENT',
    permissions: ['dossiers:process'],
    side: 'COMPETENT',
    requires: ['amount'],
    labelVi: 'Thông báo nghĩa vụ tài chính',
  },
  'confirm-payment': {
    action: 'confirm-payment',
    from: ['AWAITING_PAYMENT'],
    permissions: ['dossiers:process', 'dossiers:intake'],
    side: 'COMPETENT',
    requires: [],
    labelVi: 'Xác nhận đã nộp phí, lệ phí',
  },
  'submit-for-approval': {
    action: 'submit-for-approval',
    from: ['IN_PROCESS:PROCESSING'],
    to: 'IN_PROCESS',
    permissions: ['dossiers:process'],
    side: 'COMPETENT',
    requires: [],
    labelVi: 'Trình lãnh đạo phê duyệt',
  },
  approve: {
    action: 'approve',
    from: ['IN_PROCESS:APPROVAL'],
    to: 'IN_PROCESS',
    permissions: ['dossiers:approve'],
    side: 'COMPETENT',
    requires: [],
    labelVi: 'Phê duyệt, ký',
  },
  'issue-result': {
    action: 'issue-result',
    from: ['IN_PROCESS:APPROVED'],
    to: 'RESULT_READY',
    permissions: ['dossiers:approve', 'dossiers:process'],
    side: 'COMPETENT',
    requires: [],
    labelVi: 'Ban hành kết quả',
  },
  'reject-with-reasons': {
    action: 'reject-with-reasons',
    from: ['IN_PROCESS:PROCESSING', 'IN_PROCESS:APPROVAL', 'IN_PROCESS:APPROVED'],
    to: 'RESULT_READY',
    permissions: ['dossiers:approve'],
    side: 'COMPETENT',
    requires: ['reason'],
    labelVi: 'Trả lời không giải quyết (nêu rõ lý do)',
  },
  apologize: {
    action: 'apologize',
    from: ['IN_PROCESS', 'SUPPLEMENT_REQUESTED', 'AWAITING_PAYMENT'],
    permissions: ['dossiers:approve'],
    side: 'COMPETENT',
    requires: ['reason', 'newAppointment'],
    form: '04',
    labelVi: 'Xin lỗi và hẹn lại ngày trả kết quả',
  },
  'request-withdrawal': {
    action: 'request-withdrawal',
    from: ['SUBMITTED', ...OPEN_STATES],
    to: 'WITHDRAWAL_REQUESTED',
    permissions: ['dossiers:intake'],
    side: 'RECEIVING',
    requires: ['reason'],
    labelVi: 'Ghi nhận đề nghị rút hồ sơ',
  },
  'confirm-withdrawal': {
    action: 'confirm-withdrawal',
    from: ['WITHDRAWAL_REQUESTED'],
    to: 'STOPPED',
    permissions: ['dossiers:intake', 'dossiers:approve'],
    side: 'RECEIVING',
    requires: [],
    labelVi: 'Xác nhận rút hồ sơ',
  },
  stop: {
    action: 'stop',
    from: OPEN_STATES,
    to: 'STOPPED',
    permissions: ['dossiers:approve'],
    side: 'COMPETENT',
    requires: ['reason'],
    form: '05',
    labelVi: 'Dừng giải quyết',
  },
  'return-result': {
    action: 'return-result',
    from: ['RESULT_READY'],
    to: 'RETURNED',
    permissions: ['dossiers:return'],
    side: 'RECEIVING',
    requires: ['returnMethod'],
    labelVi: 'Trả kết quả',
  },
};

/** The dossier's state as the transition table sees it. */
export interface DossierState {
  status: DossierStatus;
  stage: ProcessStage | null;
  apologized: boolean;
}

export function actionAppliesTo(rule: ActionRule, state: DossierState): boolean {
  if (rule.action === 'apologize' && state.apologized) return false;
  return rule.from.some((from) => from === state.status || (state.status === 'IN_PROCESS' && from === `IN_PROCESS:${state.stage}`));
}

/** Actions possible from a state, whoever the caller is. */
export function actionsFrom(state: DossierState): DossierAction[] {
  return DOSSIER_ACTIONS.filter((action) => actionAppliesTo(ACTION_RULES[action], state));
}

/** Actions a caller holding `permissions` may take now (the agency side is checked by the API). */
export function allowedActions(state: DossierState, permissions: ReadonlySet<Permission> | readonly Permission[]): DossierAction[] {
  const has = (p: Permission) => (permissions instanceof Set ? permissions.has(p) : (permissions as readonly Permission[]).includes(p));
  return actionsFrom(state).filter((action) => ACTION_RULES[action].permissions.some(has));
}

/** The stage an IN_PROCESS dossier is in after an action (null outside IN_PROCESS). */
export function stageAfter(action: DossierAction, current: ProcessStage | null): ProcessStage | null {
  switch (action) {
    case 'forward':
      return 'PROCESSING';
    case 'submit-for-approval':
      return 'APPROVAL';
    case 'approve':
      return 'APPROVED';
    default:
      return current;
  }
}

export const FINISHED_STATUSES: readonly DossierStatus[] = ['REFUSED', 'STOPPED', 'RESULT_READY', 'RETURNED'];
export const CLOCK_PAUSING_STATUSES: readonly DossierStatus[] = ['SUPPLEMENT_REQUESTED'];
