import type { Schemas } from '@motcua/api-client';
import { foldVietnamese } from '@motcua/domain';

type Agency = Schemas['AgencyResponse'];

/** The agency and everything under it, in the order of the list (the API lists in tree order). */
export function subtreeOf(agencies: readonly Agency[], rootId: string): Agency[] {
  const inside = new Set([rootId]);
  // In tree order one pass suffices; repeating until nothing is added copes with any order.
  for (let grew = true; grew;) {
    grew = false;
    for (const agency of agencies) {
      if (!inside.has(agency.id) && agency.parentId && inside.has(agency.parentId)) {
        inside.add(agency.id);
        grew = true;
      }
    }
  }
  return agencies.filter((agency) => inside.has(agency.id));
}

/** How deep an agency sits below the subtree's root (0 for the root). */
export function depthIn(agencies: readonly Agency[], rootId: string, id: string): number {
  const byId = new Map(agencies.map((agency) => [agency.id, agency]));
  let depth = 0;
  let current = byId.get(id);
  while (current && current.id !== rootId && current.parentId) {
    depth += 1;
    current = byId.get(current.parentId);
  }
  return depth;
}

/** Folded name, short name and code, for search without diacritics. */
export function agencySearchText(agency: Agency): string {
  return foldVietnamese([agency.name, agency.shortName ?? '', agency.code].join(' '));
}
