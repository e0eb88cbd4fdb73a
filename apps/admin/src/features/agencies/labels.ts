import type { Schemas } from '@motcua/api-client';
import { i18n } from '../../i18n/i18n';

export type AgencyLevel = Schemas['AgencyLevel'];

export const AGENCY_LEVELS: readonly AgencyLevel[] = ['PROVINCE', 'DEPARTMENT', 'DISTRICT', 'COMMUNE'];

/** The API's rule: a parent sits at a strictly higher rank (province > department/district > commune). */
const LEVEL_RANK: Record<AgencyLevel, number> = { PROVINCE: 0, DEPARTMENT: 1, DISTRICT: 1, COMMUNE: 2 };

export const AGENCY_LEVEL_COLORS: Record<AgencyLevel, string> = {
  PROVINCE: 'red',
  DEPARTMENT: 'blue',
  DISTRICT: 'purple',
  COMMUNE: 'green',
};

/** "Cấp tỉnh", "Sở, ban, ngành", … in the current language. */
export function agencyLevelLabel(level: AgencyLevel): string {
  return i18n.t(`agencyLevels.${level}`);
}

/** The levels an agency may take under a parent of this level. */
export function levelsBelow(parent: AgencyLevel | undefined): AgencyLevel[] {
  return AGENCY_LEVELS.filter((level) => parent === undefined || LEVEL_RANK[level] > LEVEL_RANK[parent]);
}
