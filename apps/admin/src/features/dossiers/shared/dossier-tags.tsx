import type { DossierStatus } from '@motcua/domain';
import { Tag } from 'antd';
import { STATUS_COLORS, statusLabel, TIMELINESS_COLORS, timelinessLabel, type Timeliness } from '../labels';

export function StatusTag({ status }: { status: DossierStatus }) {
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="dossier-status">
      {statusLabel(status)}
    </Tag>
  );
}

/** Nothing for a dossier whose clock has not started (an online submission awaiting intake). */
export function TimelinessTag({ timeliness }: { timeliness: Timeliness | null }) {
  if (!timeliness) return null;
  return (
    <Tag color={TIMELINESS_COLORS[timeliness]} data-testid="dossier-timeliness">
      {timelinessLabel(timeliness)}
    </Tag>
  );
}
