import { NodeCollapseOutlined, NodeExpandOutlined, PlusOutlined, ReloadOutlined, ShopOutlined } from '@ant-design/icons';
import type { Schemas } from '@motcua/api-client';
import { foldVietnamese } from '@motcua/domain';
import { Button, Card, Empty, Flex, Input, Skeleton, Space, Tag, Tooltip, Tree, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { $api } from '../../app/api';
import { useSession } from '../../app/auth/use-session';
import { AgencyDrawer, type AgencyDrawerTarget } from './agency-drawer';
import { agencySearchText } from './agency-subtree';
import { AGENCY_LEVEL_COLORS, agencyLevelLabel } from './labels';
import { vietnamNow } from '../../app/format';

type Agency = Schemas['AgencyResponse'];

interface AgencyTreeNode {
  key: string;
  agency: Agency;
  /** The node itself matches the search (its ancestors show only to reach it). */
  match: boolean;
  children?: AgencyTreeNode[];
}

/** The tree of the flat list, keeping, while searching, the matches and the path to each. */
function buildTree(agencies: readonly Agency[], query: string): AgencyTreeNode[] {
  const nodes = new Map<string, AgencyTreeNode>();
  for (const agency of agencies)
    nodes.set(agency.id, { key: agency.id, agency, match: query !== '' && agencySearchText(agency).includes(query) });
  const roots: AgencyTreeNode[] = [];
  for (const agency of agencies) {
    const node = nodes.get(agency.id) as AgencyTreeNode;
    const parent = agency.parentId ? nodes.get(agency.parentId) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  if (!query) return roots;
  const prune = (list: AgencyTreeNode[]): AgencyTreeNode[] =>
    list.flatMap((node) => {
      const children = prune(node.children ?? []);
      return node.match || children.length ? [{ ...node, children: children.length ? children : undefined }] : [];
    });
  return prune(roots);
}

function keysWithChildren(nodes: readonly AgencyTreeNode[]): string[] {
  return nodes.flatMap((node) => (node.children?.length ? [node.key, ...keysWithChildren(node.children)] : []));
}

/** Cơ quan: the organisation tree of the province, searchable without diacritics, edited in a drawer. */
export function AgenciesPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const canManage = can('agencies:manage');
  // The same query as every agency picker: one request, one cache.
  const query = $api.useQuery('get', '/api/agencies', {});
  const agencies = useMemo(() => query.data ?? [], [query.data]);
  const [search, setSearch] = useState('');
  const folded = foldVietnamese(search);
  const tree = useMemo(() => buildTree(agencies, folded), [agencies, folded]);
  const matches = folded ? agencies.filter((agency) => agencySearchText(agency).includes(folded)).length : undefined;
  const [expanded, setExpanded] = useState<string[]>();
  const [drawer, setDrawer] = useState<AgencyDrawerTarget>();
  const today = vietnamNow().format('YYYY-MM-DD');

  // Searching opens the way to every match; otherwise the user's choice, or the first two levels.
  const expandedKeys = folded ? keysWithChildren(tree) : (expanded ?? tree.map((root) => root.key));

  const open = (agency: Agency) => setDrawer(canManage ? { mode: 'edit', agency } : { mode: 'view', agency });

  const title = (node: AgencyTreeNode) => {
    const { agency } = node;
    const expired = Boolean(agency.validTo && agency.validTo < today);
    return (
      <Flex gap={8} align="center" wrap data-testid={`agency-${agency.code}`}>
        <Typography.Text strong={node.match} delete={expired} type={expired ? 'secondary' : undefined}>
          {agency.name}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {agency.code}
        </Typography.Text>
        <Tag color={AGENCY_LEVEL_COLORS[agency.level]} style={{ marginInlineEnd: 0 }}>
          {agencyLevelLabel(agency.level)}
        </Tag>
        {agency.isReceptionPoint && (
          <Tag icon={<ShopOutlined />} color="gold" style={{ marginInlineEnd: 0 }}>
            {t('agencies.receptionPoint')}
          </Tag>
        )}
        {expired && <Tag style={{ marginInlineEnd: 0 }}>{t('agencies.expired')}</Tag>}
        {canManage && !expired && agency.level !== 'COMMUNE' && (
          <Tooltip title={t('agencies.addChildOf', { name: agency.name })}>
            <Button
              type="text"
              size="small"
              icon={<PlusOutlined />}
              aria-label={t('agencies.addChildOf', { name: agency.name })}
              onClick={(event) => {
                event.stopPropagation();
                setDrawer({ mode: 'create', parent: agency });
              }}
            />
          </Tooltip>
        )}
      </Flex>
    );
  };

  return (
    <Card
      title={t('nav.agencies')}
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()} aria-label={t('common.reload')} />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('agencies.intro')}</Typography.Paragraph>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          placeholder={t('agencies.searchPlaceholder')}
          aria-label={t('agencies.searchPlaceholder')}
          style={{ maxWidth: 420 }}
        />
        {matches !== undefined && <Typography.Text type="secondary">{t('agencies.matches', { count: matches })}</Typography.Text>}
        <Flex gap={8} style={{ marginInlineStart: 'auto' }}>
          <Button icon={<NodeExpandOutlined />} disabled={Boolean(folded)} onClick={() => setExpanded(keysWithChildren(tree))}>
            {t('agencies.expandAll')}
          </Button>
          <Button icon={<NodeCollapseOutlined />} disabled={Boolean(folded)} onClick={() => setExpanded([])}>
            {t('agencies.collapseAll')}
          </Button>
        </Flex>
      </Flex>
      {query.isLoading ? (
        <Skeleton active />
      ) : tree.length === 0 ? (
        <Empty description={folded ? t('agencies.noMatch') : t('agencies.empty')} />
      ) : (
        <Tree<AgencyTreeNode>
          showLine
          blockNode
          treeData={tree}
          expandedKeys={expandedKeys}
          onExpand={(keys) => setExpanded(keys.map(String))}
          selectedKeys={drawer && drawer.mode !== 'create' ? [drawer.agency.id] : []}
          onSelect={(_, { node }) => open(node.agency)}
          titleRender={title}
        />
      )}
      <AgencyDrawer target={drawer} agencies={agencies} onClose={() => setDrawer(undefined)} />
    </Card>
  );
}
