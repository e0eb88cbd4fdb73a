import { permissionsOf } from '../access/permissions';
import {
  ACTION_RULES,
  actionsFrom,
  allowedActions,
  DOSSIER_ACTIONS,
  DOSSIER_STATUSES,
  STATUS_CODES,
  stageAfter,
  statusOfCode,
} from './dossier-states';

const state = (
  status: (typeof DOSSIER_STATUSES)[number],
  stage: 'PROCESSING' | 'APPROVAL' | 'APPROVED' | null = null,
  apologized = false,
) => ({ status, stage, apologized });

describe('dossier state machine', () => {
  it('maps the ten national status codes both ways', () => {
    expect(DOSSIER_STATUSES.map((s) => STATUS_CODES[s])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const status of DOSSIER_STATUSES) expect(statusOfCode(STATUS_CODES[status])).toBe(status);
    expect(statusOfCode(11)).toBeUndefined();
  });

  it('walks the happy path from online submission to returned', () => {
    const path: Array<[string, ReturnType<typeof state>]> = [
      ['accept', state('SUBMITTED')],
      ['forward', state('RECEIVED')],
      ['submit-for-approval', state('IN_PROCESS', 'PROCESSING')],
      ['approve', state('IN_PROCESS', 'APPROVAL')],
      ['issue-result', state('IN_PROCESS', 'APPROVED')],
      ['return-result', state('RESULT_READY')],
    ];
    for (const [action, from] of path) expect(actionsFrom(from)).toContain(action);
    expect(stageAfter('forward', null)).toBe('PROCESSING');
    expect(stageAfter('submit-for-approval', 'PROCESSING')).toBe('APPROVAL');
    expect(stageAfter('approve', 'APPROVAL')).toBe('APPROVED');
  });

  it('never leaves a finished state except to return the result', () => {
    expect(actionsFrom(state('REFUSED'))).toEqual([]);
    expect(actionsFrom(state('STOPPED'))).toEqual([]);
    expect(actionsFrom(state('RETURNED'))).toEqual([]);
    expect(actionsFrom(state('RESULT_READY'))).toEqual(['return-result']);
  });

  it('forbids a withdrawal once the result is ready', () => {
    expect(actionsFrom(state('RESULT_READY'))).not.toContain('request-withdrawal');
    expect(actionsFrom(state('IN_PROCESS', 'APPROVED'))).toContain('request-withdrawal');
  });

  it('allows the apology only once', () => {
    expect(actionsFrom(state('IN_PROCESS', 'PROCESSING'))).toContain('apologize');
    expect(actionsFrom(state('IN_PROCESS', 'PROCESSING', true))).not.toContain('apologize');
  });

  it('approves only from the approval stage', () => {
    expect(actionsFrom(state('IN_PROCESS', 'PROCESSING'))).not.toContain('approve');
    expect(actionsFrom(state('IN_PROCESS', 'APPROVAL'))).toContain('approve');
  });

  it('gives each role only its own actions', () => {
    const processing = state('IN_PROCESS', 'APPROVAL');
    expect(allowedActions(processing, permissionsOf(['AUDITOR']))).toEqual([]);
    expect(allowedActions(processing, permissionsOf(['LEADER']))).toEqual(
      expect.arrayContaining(['approve', 'reject-with-reasons', 'stop', 'apologize']),
    );
    expect(allowedActions(processing, permissionsOf(['SPECIALIST']))).not.toContain('approve');
    expect(allowedActions(state('SUBMITTED'), permissionsOf(['RECEPTION']))).toEqual([
      'accept',
      'request-supplement',
      'refuse',
      'request-withdrawal',
    ]);
  });

  it('requires a reason wherever DOMAIN §4 asks for one', () => {
    for (const action of ['refuse', 'stop', 'request-supplement', 'reject-with-reasons', 'apologize'] as const) {
      expect(ACTION_RULES[action].requires).toContain('reason');
    }
    expect(ACTION_RULES.apologize.requires).toContain('newAppointment');
    expect(DOSSIER_ACTIONS.every((a) => ACTION_RULES[a].action === a)).toBe(true);
  });
});
