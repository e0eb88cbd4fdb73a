import { INDICATORS_766, score766 } from './indicators-766';

describe('Decision 766 score rule', () => {
  it('gives Pmax at or above the target and a proportional share below it', () => {
    expect(score766(1, 2, INDICATORS_766.online)).toEqual({ rate: 50, score: 4 });
    expect(score766(1, 4, INDICATORS_766.online)).toEqual({ rate: 25, score: 2 });
    expect(score766(9, 10, INDICATORS_766.digitisation)).toEqual({ rate: 90, score: 4 });
  });

  it('rounds rate and score to 2 decimals, the score from the unrounded rate', () => {
    expect(score766(2, 7, INDICATORS_766.digitisation)).toEqual({ rate: 28.57, score: 1.43 });
    expect(score766(5, 7, INDICATORS_766.onTime)).toEqual({ rate: 71.43, score: 14.29 });
  });

  it('answers null, not a fake 0, when there is nothing to count', () => {
    expect(score766(0, 0, INDICATORS_766.onlinePayment)).toEqual({ rate: null, score: null });
    expect(score766(0, 3, INDICATORS_766.onlinePayment)).toEqual({ rate: 0, score: 0 });
  });
});
