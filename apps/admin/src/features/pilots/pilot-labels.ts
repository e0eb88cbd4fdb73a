import type { Schemas } from '@motcua/api-client';
import { i18n } from '../../i18n/i18n';

export type Pilot = Schemas['PilotResponse'];
export type PilotStatus = Schemas['PilotStatus'];
export type PilotComparison = Schemas['PilotComparison'];
export type PilotIndicators = Schemas['PilotIndicators'];

export const PILOTS_PATH = '/thi-diem';
export const pilotPath = (id: string) => `${PILOTS_PATH}/${id}`;

export const PILOT_STATUS_COLORS: Readonly<Record<PilotStatus, string>> = { PLANNED: 'blue', RUNNING: 'green', ENDED: 'default' };

/** "Sắp triển khai", "Đang thí điểm", "Đã kết thúc". */
export const pilotStatusLabel = (status: PilotStatus) => i18n.t(`oversight.pilots.statuses.${status}`);
