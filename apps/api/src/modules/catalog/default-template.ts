import { processingHours, type ProcessingUnit } from '@motcua/domain';
import type { ProcessStepDto } from './dto/procedure.dto';

/**
 * The usual one-stop route, for procedures that arrive without a process template (imports):
 * receive at the one-stop desk, appraise and approve at the competent agency, return the result.
 * Budgets are shares of the processing time, rounded down to quarter hours so they always fit.
 */
export function defaultTemplate(amount: number, unit: ProcessingUnit): ProcessStepDto[] {
  const hours = processingHours(amount, unit);
  const share = (fraction: number) => Math.max(0.25, Math.floor(hours * fraction * 4) / 4);
  return [
    { name: 'Tiếp nhận, kiểm tra hồ sơ', actor: 'RECEIVING', role: 'RECEPTION', budgetHours: share(0.05) },
    { name: 'Thẩm định hồ sơ', actor: 'COMPETENT', role: 'SPECIALIST', budgetHours: share(0.6) },
    { name: 'Phê duyệt, ký kết quả', actor: 'COMPETENT', role: 'LEADER', budgetHours: share(0.25) },
    { name: 'Trả kết quả', actor: 'RECEIVING', role: 'RECEPTION', budgetHours: share(0.05) },
  ];
}
