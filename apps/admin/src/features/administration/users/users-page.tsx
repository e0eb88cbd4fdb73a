import { LeftOutlined, MoreOutlined, PlusOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import type { Schemas } from '@motcua/api-client';
import type { Role } from '@motcua/domain';
import { keepPreviousData } from '@tanstack/react-query';
import { App, Button, Dropdown, Flex, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { $api } from '../../../app/api';
import { useSession } from '../../../app/auth/use-session';
import { formatDateTime } from '../../../app/format';
import { useDebouncedValue } from '../../../app/use-debounced-value';
import { AgencyTreeSelect } from '../../agencies/agency-tree-select';
import { roleLabel, roleOptions } from '../labels';
import { ResetPasswordModal } from './reset-password-modal';
import { UserDrawer, type UserDrawerTarget } from './user-drawer';
import { useSetUserActive } from './use-user-mutations';

type User = Schemas['UserResponse'];
type ActiveFilter = 'all' | 'active' | 'inactive';

export const USERS_PAGE_SIZE = 20;
const SEARCH_DEBOUNCE_MS = 350;

interface Filters {
  agencyId?: string;
  role?: Role;
  active: ActiveFilter;
}

/** Accounts in the administrator's scope: server-side search, filters and keyset pages. */
export function UsersPage() {
  const { t } = useTranslation();
  const { can, user: me } = useSession();
  const canManage = can('users:manage');
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const [filters, setFilters] = useState<Filters>({ active: 'all' });
  // Keyset pages: the cursor of every page visited, so "previous" needs no offset. A new filter starts over.
  const filterKey = JSON.stringify([q, filters]);
  const [paging, setPaging] = useState<{ key: string; cursors: Array<string | undefined> }>({ key: filterKey, cursors: [undefined] });
  const cursors = paging.key === filterKey ? paging.cursors : [undefined];
  const pageIndex = cursors.length - 1;

  const [drawer, setDrawer] = useState<UserDrawerTarget>();
  const [resetting, setResetting] = useState<User>();
  const setActive = useSetUserActive();
  const { modal } = App.useApp();

  const confirmSetActive = (user: User) =>
    modal.confirm({
      title: user.active
        ? t('users.deactivateConfirmTitle', { username: user.username })
        : t('users.activateConfirmTitle', { username: user.username }),
      content: user.active ? t('users.deactivateConfirm') : t('users.activateConfirm'),
      okText: user.active ? t('users.deactivate') : t('users.activate'),
      okButtonProps: { danger: user.active },
      cancelText: t('common.cancel'),
      onOk: () => setActive.mutateAsync({ params: { path: { id: user.id } }, body: { active: !user.active } }).catch(() => undefined),
    });

  const query = $api.useQuery(
    'get',
    '/api/users',
    {
      params: {
        query: {
          q: q || undefined,
          agencyId: filters.agencyId,
          role: filters.role,
          active: filters.active === 'all' ? undefined : filters.active === 'active',
          cursor: cursors[pageIndex],
          limit: USERS_PAGE_SIZE,
        },
      },
    },
    { placeholderData: keepPreviousData },
  );
  const nextCursor = query.data?.nextCursor ?? null;

  const columns: TableColumnsType<User> = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      key: 'username',
      render: (username: string) => <Typography.Text strong>{username}</Typography.Text>,
    },
    { title: t('users.fullName'), dataIndex: 'fullName', key: 'fullName' },
    { title: t('users.agency'), dataIndex: 'agencyName', key: 'agencyName' },
    {
      title: t('users.roles'),
      dataIndex: 'roles',
      key: 'roles',
      render: (roles: Role[]) => (
        <Space size={[0, 4]} wrap>
          {roles.map((role) => (
            <Tag key={role} color={role === 'ADMIN' ? 'red' : 'blue'}>
              {roleLabel(role)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('users.status'),
      dataIndex: 'active',
      key: 'active',
      render: (active: boolean) => (
        <Tag color={active ? 'green' : 'default'}>{active ? t('users.statusActive') : t('users.statusInactive')}</Tag>
      ),
    },
    {
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      key: 'lastLoginAt',
      render: (value: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(value) || '—'}</span>,
    },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, user: User) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setDrawer({ mode: 'edit', user })}>
            {t('common.edit')}
          </Button>
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'reset', label: t('users.resetPassword') },
                // Nobody locks themselves out by mistake.
                ...(user.id === me?.id
                  ? []
                  : [{ key: 'active', label: user.active ? t('users.deactivate') : t('users.activate'), danger: user.active }]),
              ],
              onClick: ({ key }) => (key === 'reset' ? setResetting(user) : confirmSetActive(user)),
            }}
          >
            <Button type="text" size="small" icon={<MoreOutlined />} aria-label={t('common.more')} />
          </Dropdown>
        </Space>
      ),
    });
  }

  return (
    <>
      <Flex gap={12} align="center" style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary" style={{ flex: 1 }}>
          {t('users.intro')}
        </Typography.Text>
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ mode: 'create' })} data-testid="user-create">
            {t('users.create')}
          </Button>
        )}
      </Flex>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          placeholder={t('users.searchPlaceholder')}
          aria-label={t('users.searchPlaceholder')}
          style={{ width: 280 }}
        />
        <AgencyTreeSelect
          allowClear
          value={filters.agencyId}
          onChange={(agencyId) => setFilters((current) => ({ ...current, agencyId }))}
          placeholder={t('users.allAgencies')}
          style={{ width: 260 }}
        />
        <Select<Role>
          allowClear
          value={filters.role}
          onChange={(role) => setFilters((current) => ({ ...current, role }))}
          placeholder={t('users.allRoles')}
          options={roleOptions()}
          style={{ width: 150 }}
          aria-label={t('users.roles')}
        />
        <Select<ActiveFilter>
          value={filters.active}
          onChange={(active) => setFilters((current) => ({ ...current, active }))}
          options={[
            { value: 'all', label: t('users.allStatuses') },
            { value: 'active', label: t('users.statusActive') },
            { value: 'inactive', label: t('users.statusInactive') },
          ]}
          style={{ width: 160 }}
          aria-label={t('users.status')}
        />
        <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()} aria-label={t('common.reload')} />
      </Flex>
      <Table<User>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        pagination={false}
      />
      <Flex justify="end" align="center" gap={8} style={{ marginTop: 16 }}>
        <Typography.Text type="secondary">{t('common.page', { page: pageIndex + 1 })}</Typography.Text>
        <Button
          icon={<LeftOutlined />}
          disabled={pageIndex === 0}
          onClick={() => setPaging({ key: filterKey, cursors: cursors.slice(0, -1) })}
        >
          {t('common.previousPage')}
        </Button>
        <Button
          disabled={!nextCursor || query.isPlaceholderData}
          onClick={() => nextCursor && setPaging({ key: filterKey, cursors: [...cursors, nextCursor] })}
        >
          {t('common.nextPage')} <RightOutlined />
        </Button>
      </Flex>
      <UserDrawer target={drawer} onClose={() => setDrawer(undefined)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(undefined)} />
    </>
  );
}
