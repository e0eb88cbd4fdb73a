import type { Schemas } from '@motcua/api-client';
import { foldVietnamese as fold } from '@motcua/domain';
import { TreeSelect, type TreeSelectProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { $api } from '../../app/api';
import { useSession } from '../../app/auth/use-session';

type Agency = Schemas['AgencyResponse'];

export interface AgencyNode {
  value: string;
  title: string;
  disabled?: boolean;
  /** Name, short name and code folded for search without diacritics. */
  searchText: string;
  children?: AgencyNode[];
}

/** The flat list (in tree order) as a tree; agencies whose parent is out of the user's scope are roots. */
export function buildAgencyTree(agencies: readonly Agency[]): AgencyNode[] {
  const nodes = new Map<string, AgencyNode>();
  for (const agency of agencies) {
    nodes.set(agency.id, {
      value: agency.id,
      title: agency.name,
      searchText: fold([agency.name, agency.shortName ?? '', agency.code].join(' ')),
    });
  }
  const roots: AgencyNode[] = [];
  for (const agency of agencies) {
    const node = nodes.get(agency.id) as AgencyNode;
    const parent = agency.parentId ? nodes.get(agency.parentId) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

/** The agencies the signed-in user may see, as a tree (cached: the tree changes rarely). */
export function useAgencyTree() {
  const { can } = useSession();
  const query = $api.useQuery('get', '/api/agencies', {}, { enabled: can('agencies:read'), staleTime: 5 * 60_000 });
  const tree = useMemo(() => buildAgencyTree(query.data ?? []), [query.data]);
  const parentOf = useMemo(() => new Map((query.data ?? []).map((agency) => [agency.id, agency.parentId])), [query.data]);
  return { tree, parentOf, isLoading: query.isLoading };
}

/** The roots and every ancestor of the chosen agency: the list opens showing the current choice. */
function openKeys(tree: readonly AgencyNode[], parentOf: ReadonlyMap<string, string | null>, value: unknown): string[] {
  const keys = new Set(tree.map((root) => root.value));
  let current = typeof value === 'string' ? parentOf.get(value) : undefined;
  while (current && !keys.has(current)) {
    keys.add(current);
    current = parentOf.get(current);
  }
  return [...keys];
}

/** The same tree with some agencies not selectable (an agency cannot move under itself). */
function withDisabled(nodes: AgencyNode[], disabledIds: ReadonlySet<string>): AgencyNode[] {
  return nodes.map((node) => ({
    ...node,
    disabled: disabledIds.has(node.value),
    children: node.children && withDisabled(node.children, disabledIds),
  }));
}

export type AgencyTreeSelectProps = Omit<TreeSelectProps<string>, 'treeData'> & {
  /** Agencies shown but not selectable. */
  disabledIds?: ReadonlySet<string>;
};

/** Choose an agency from the tree, searchable by name or code. */
export function AgencyTreeSelect({ disabledIds, ...props }: AgencyTreeSelectProps) {
  const { t } = useTranslation();
  const { tree, parentOf, isLoading } = useAgencyTree();
  const treeData = useMemo(() => (disabledIds?.size ? withDisabled(tree, disabledIds) : tree), [tree, disabledIds]);
  return (
    <TreeSelect<string>
      showSearch
      treeLine
      loading={isLoading}
      treeData={treeData}
      treeDefaultExpandedKeys={openKeys(tree, parentOf, props.value)}
      filterTreeNode={(input, node) => String((node as unknown as AgencyNode).searchText ?? '').includes(fold(input))}
      placeholder={t('agencies.choose')}
      popupMatchSelectWidth={false}
      listHeight={360}
      {...props}
    />
  );
}
