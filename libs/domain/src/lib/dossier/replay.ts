import {
  ACTION_RULES,
  actionAppliesTo,
  DOSSIER_ACTIONS,
  stageAfter,
  STATUS_CODES,
  type DossierAction,
  type DossierStatus,
  type ProcessStage,
} from './dossier-states';

/** The state as a legacy import walks it: the transition table's state plus where a pause returns to. */
export interface ReplayState {
  status: DossierStatus;
  stage: ProcessStage | null;
  resumeStatus: DossierStatus | null;
}

const PAUSING: DossierAction[] = ['request-supplement', 'request-payment', 'request-withdrawal'];
const RESUMING: DossierAction[] = ['receive-supplement', 'confirm-payment'];

export function nextReplayState(state: ReplayState, action: DossierAction): ReplayState {
  const rule = ACTION_RULES[action];
  const status = RESUMING.includes(action) ? (state.resumeStatus ?? 'IN_PROCESS') : (rule.to ?? state.status);
  const finished = status === 'REFUSED' || status === 'STOPPED' || status === 'RESULT_READY' || status === 'RETURNED';
  return {
    status,
    stage: finished || status === 'SUBMITTED' || status === 'RECEIVED' ? null : stageAfter(action, state.stage),
    resumeStatus: PAUSING.includes(action) ? state.status : RESUMING.includes(action) ? null : state.resumeStatus,
  };
}

/**
 * The shortest run of transitions that takes a dossier from `state` to the national status code
 * `targetCode` (legacy systems record only codes: 4 → 9 means appraise, approve and issue).
 * Apologies never change the code and are not guessed; a negative result is chosen only when asked.
 */
export function replayPath(state: ReplayState, targetCode: number, options: { negative?: boolean } = {}): DossierAction[] | undefined {
  const excluded = new Set<DossierAction>(['apologize', options.negative ? 'issue-result' : 'reject-with-reasons']);
  const queue: Array<{ state: ReplayState; path: DossierAction[] }> = [{ state, path: [] }];
  while (queue.length) {
    const current = queue.shift() as { state: ReplayState; path: DossierAction[] };
    if (current.path.length >= 4) continue;
    for (const action of DOSSIER_ACTIONS) {
      if (excluded.has(action)) continue;
      if (!actionAppliesTo(ACTION_RULES[action], { status: current.state.status, stage: current.state.stage, apologized: false })) continue;
      const next = nextReplayState(current.state, action);
      const path = [...current.path, action];
      if (STATUS_CODES[next.status] === targetCode) return path;
      queue.push({ state: next, path });
    }
  }
  return undefined;
}
