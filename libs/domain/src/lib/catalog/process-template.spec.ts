import { processingHours, templateBudgetHours, templateIssues, templateStages } from './process-template';

describe('process template budget', () => {
  it('converts processing time to working hours', () => {
    expect(processingHours(3, 'WORKING_DAYS')).toBe(24);
    expect(processingHours(4, 'WORKING_HOURS')).toBe(4);
    expect(processingHours(2, 'CALENDAR_DAYS')).toBe(16);
  });

  it('adds sequential steps and overlaps a parallel group', () => {
    const steps = [
      { name: 'Tiếp nhận', budgetHours: 1 },
      { name: 'Khai sinh', budgetHours: 4 },
      { name: 'Thường trú', budgetHours: 16, parallelGroup: 'lien-thong' },
      { name: 'BHYT', budgetHours: 8, parallelGroup: 'lien-thong' },
      { name: 'Trả kết quả', budgetHours: 1 },
    ];
    expect(templateStages(steps).map((s) => s.length)).toEqual([1, 1, 2, 1]);
    expect(templateBudgetHours(steps)).toBe(1 + 4 + 16 + 1);
    expect(templateIssues(steps)).toEqual([]);
  });

  it('flags a parallel group split by another step and a non-positive budget', () => {
    const steps = [
      { name: 'A', budgetHours: 2, parallelGroup: 'g' },
      { name: 'B', budgetHours: 0 },
      { name: 'C', budgetHours: 2, parallelGroup: 'g' },
    ];
    expect(templateIssues(steps)).toEqual([
      expect.objectContaining({ index: 1, rule: 'budgetPositive' }),
      expect.objectContaining({ index: 2, rule: 'parallelGroupNotAdjacent' }),
    ]);
  });

  it('needs nothing for an empty template', () => {
    expect(templateBudgetHours([])).toBe(0);
  });
});
