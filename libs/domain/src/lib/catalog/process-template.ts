/** Processing time of a procedure and the budget of its process template (DOMAIN §3). */
export const DURATION_UNITS = ['WORKING_HOURS', 'WORKING_DAYS', 'CALENDAR_DAYS'] as const;
export type ProcessingUnit = (typeof DURATION_UNITS)[number];

export const WORKING_HOURS_PER_DAY = 8;

/**
 * The working hours a processing time allows. Calendar days count as whole working days:
 * an upper bound, since weekends inside the span are not worked.
 */
export function processingHours(amount: number, unit: ProcessingUnit): number {
  return unit === 'WORKING_HOURS' ? amount : amount * WORKING_HOURS_PER_DAY;
}

export interface TemplateStep {
  name: string;
  budgetHours: number;
  parallelGroup?: string | null;
}

export interface TemplateIssue {
  index: number;
  rule: 'parallelGroupNotAdjacent' | 'budgetPositive';
  message: string;
}

/** Consecutive steps sharing a parallel group form one stage; a stage lasts as long as its longest step. */
export function templateStages<T extends TemplateStep>(steps: readonly T[]): T[][] {
  const stages: T[][] = [];
  for (const step of steps) {
    const last = stages[stages.length - 1];
    if (step.parallelGroup && last && last[0].parallelGroup === step.parallelGroup) last.push(step);
    else stages.push([step]);
  }
  return stages;
}

/** Hours the template needs end to end: sequential stages add up, parallel steps overlap. */
export function templateBudgetHours(steps: readonly TemplateStep[]): number {
  return templateStages(steps).reduce((sum, stage) => sum + Math.max(...stage.map((s) => s.budgetHours)), 0);
}

export function templateIssues(steps: readonly TemplateStep[]): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const closedGroups = new Set<string>();
  steps.forEach((step, index) => {
    if (!(step.budgetHours > 0)) issues.push({ index, rule: 'budgetPositive', message: 'Thời gian của bước phải lớn hơn 0' });
    const previous = steps[index - 1];
    if (previous?.parallelGroup && previous.parallelGroup !== step.parallelGroup) closedGroups.add(previous.parallelGroup);
    if (step.parallelGroup && closedGroups.has(step.parallelGroup)) {
      issues.push({ index, rule: 'parallelGroupNotAdjacent', message: 'Các bước song song cùng nhóm phải liền nhau' });
    }
  });
  return issues;
}
