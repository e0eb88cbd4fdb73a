import { replayPath, type ReplayState } from './replay';

const at = (
  status: ReplayState['status'],
  stage: ReplayState['stage'] = null,
  resumeStatus: ReplayState['resumeStatus'] = null,
): ReplayState => ({ status, stage, resumeStatus });

describe('replaying legacy status codes', () => {
  it.each([
    [at('SUBMITTED'), 2, ['accept']],
    [at('SUBMITTED'), 3, ['refuse']],
    [at('RECEIVED'), 4, ['forward']],
    [at('IN_PROCESS', 'PROCESSING'), 5, ['request-supplement']],
    [at('SUPPLEMENT_REQUESTED', 'PROCESSING', 'IN_PROCESS'), 4, ['receive-supplement']],
    [at('IN_PROCESS', 'PROCESSING'), 9, ['submit-for-approval', 'approve', 'issue-result']],
    [at('RESULT_READY'), 10, ['return-result']],
    [at('RECEIVED'), 7, ['request-withdrawal']],
    [at('WITHDRAWAL_REQUESTED', null, 'RECEIVED'), 8, ['confirm-withdrawal']],
    [at('IN_PROCESS', 'PROCESSING'), 6, ['request-payment']],
    [at('AWAITING_PAYMENT', 'PROCESSING', 'IN_PROCESS'), 4, ['confirm-payment']],
  ] as Array<[ReplayState, number, string[]]>)('from %o to code %i', (state, code, path) => {
    expect(replayPath(state, code)).toEqual(path);
  });

  it('chooses a negative result only when asked', () => {
    expect(replayPath(at('IN_PROCESS', 'PROCESSING'), 9, { negative: true })).toEqual(['reject-with-reasons']);
  });

  it('finds no way back from a finished dossier or to an impossible code', () => {
    expect(replayPath(at('RETURNED'), 4)).toBeUndefined();
    expect(replayPath(at('RESULT_READY'), 7)).toBeUndefined();
    expect(replayPath(at('RECEIVED'), 1)).toBeUndefined();
  });
});
