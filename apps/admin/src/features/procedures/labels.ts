import type { Schemas } from '@motcua/api-client';
import { i18n } from '../../i18n/i18n';

export type ProcedureLevel = Schemas['ProcedureLevel'];
export type OnlineRegime = Schemas['OnlineRegime'];
export type ProcedureStatus = Schemas['ProcedureStatus'];
export type StepActor = Schemas['StepActor'];
export type DurationUnit = Schemas['DurationUnit'];

export const PROCEDURE_LEVELS: readonly ProcedureLevel[] = ['PROVINCE', 'DISTRICT', 'COMMUNE'];
export const ONLINE_REGIMES: readonly OnlineRegime[] = ['FULL', 'PARTIAL', 'NONE'];
export const PROCEDURE_STATUSES: readonly ProcedureStatus[] = ['DRAFT', 'PUBLISHED', 'RETIRED'];
export const STEP_ACTORS: readonly StepActor[] = ['COMPETENT', 'RECEIVING', 'FIXED'];

export const STATUS_COLORS: Record<ProcedureStatus, string> = { DRAFT: 'gold', PUBLISHED: 'green', RETIRED: 'default' };
export const REGIME_COLORS: Record<OnlineRegime, string> = { FULL: 'green', PARTIAL: 'blue', NONE: 'default' };

/** "Cấp tỉnh", "Cấp huyện", "Cấp xã". */
export function procedureLevelLabel(level: ProcedureLevel): string {
  return i18n.t(`procedureLevels.${level}`);
}

/** "Trực tuyến toàn trình", "Trực tuyến một phần", "Không trực tuyến". */
export function regimeLabel(regime: OnlineRegime): string {
  return i18n.t(`regimes.${regime}`);
}

/** "Dự thảo", "Đang áp dụng", "Đã bãi bỏ". */
export function statusLabel(status: ProcedureStatus): string {
  return i18n.t(`procedureStatuses.${status}`);
}

/** Who performs a step: the competent agency, the receiving point, or a fixed agency. */
export function actorLabel(actor: StepActor): string {
  return i18n.t(`stepActors.${actor}`);
}

/** "ngày làm việc", "giờ làm việc", "ngày" (the unit alone, for pickers). */
export function unitLabel(unit: DurationUnit): string {
  return i18n.t(`durationUnits.${unit}`);
}

/** "3 ngày làm việc", "8 giờ làm việc", "15 ngày". */
export function durationLabel(amount: number, unit: DurationUnit): string {
  return i18n.t(`durations.${unit}`, { count: amount });
}

export function options<T extends string>(values: readonly T[], label: (value: T) => string): Array<{ value: T; label: string }> {
  return values.map((value) => ({ value, label: label(value) }));
}
