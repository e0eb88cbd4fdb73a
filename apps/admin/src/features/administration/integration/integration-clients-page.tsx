import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { Schemas } from '@motcua/api-client';
import type { ClientScope } from '@motcua/domain';
import { Button, Flex, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { $api } from '../../../app/api';
import { useSession } from '../../../app/auth/use-session';
import { formatDateTime } from '../../../app/format';
import { scopeLabel } from '../labels';
import { ApiKeyModal, type IssuedKey } from './api-key-modal';
import { CreateClientModal } from './create-client-modal';
import { useRevokeClient, useRotateClientKey } from './use-client-mutations';

type Client = Schemas['IntegrationClientResponse'];

function Nowrap({ children }: { children: ReactNode }) {
  return <span style={{ whiteSpace: 'nowrap' }}>{children}</span>;
}

/** Machine clients (district and commune portals) and their API keys. */
export function IntegrationClientsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const canManage = can('integration:manage');
  const query = $api.useQuery('get', '/api/integration/clients');
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<IssuedKey>();
  const rotate = useRotateClientKey();
  const revoke = useRevokeClient();

  const columns: TableColumnsType<Client> = [
    {
      title: t('clients.nameAndAgency'),
      dataIndex: 'name',
      key: 'name',
      width: 280,
      render: (name: string, client: Client) => (
        <Flex vertical>
          <Typography.Text strong>{name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {client.agencyName}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('clients.scopes'),
      dataIndex: 'scopes',
      key: 'scopes',
      render: (scopes: ClientScope[]) => (
        <Space size={[0, 4]} wrap>
          {scopes.map((scope) => (
            <Tag key={scope} title={scope}>
              {scopeLabel(scope)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('clients.keyPrefix'),
      dataIndex: 'keyPrefix',
      key: 'keyPrefix',
      render: (prefix: string) => (
        <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
          {prefix}…
        </Typography.Text>
      ),
    },
    {
      title: t('clients.status'),
      dataIndex: 'status',
      key: 'status',
      render: (status: Client['status']) => (
        <Tag color={status === 'ACTIVE' ? 'green' : 'default'}>
          {status === 'ACTIVE' ? t('clients.statusActive') : t('clients.statusRevoked')}
        </Tag>
      ),
    },
    {
      title: t('clients.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      render: (value: string) => <Nowrap>{formatDateTime(value)}</Nowrap>,
    },
    {
      title: t('clients.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      key: 'lastUsedAt',
      render: (value: string | null) => <Nowrap>{formatDateTime(value) || '—'}</Nowrap>,
    },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, client: Client) =>
        client.status === 'ACTIVE' ? (
          <Space size={0} wrap>
            <Popconfirm
              title={t('clients.rotateConfirmTitle', { name: client.name })}
              description={t('clients.rotateConfirm')}
              okText={t('clients.rotate')}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                rotate
                  .mutateAsync({ params: { path: { id: client.id } } })
                  .then((rotated) => {
                    rotate.reset();
                    setIssued({ clientName: rotated.name, apiKey: rotated.apiKey });
                  })
                  .catch(() => undefined)
              }
            >
              <Button type="link" size="small">
                {t('clients.rotate')}
              </Button>
            </Popconfirm>
            <Popconfirm
              title={t('clients.revokeConfirmTitle', { name: client.name })}
              description={t('clients.revokeConfirm')}
              okText={t('clients.revoke')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() => revoke.mutateAsync({ params: { path: { id: client.id } } }).catch(() => undefined)}
            >
              <Button type="link" size="small" danger>
                {t('clients.revoke')}
              </Button>
            </Popconfirm>
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('clients.revokedAt', { date: formatDateTime(client.revokedAt) })}</Typography.Text>
        ),
    });
  }

  return (
    <>
      <Flex gap={12} align="center" style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary" style={{ flex: 1 }}>
          {t('clients.intro')}
        </Typography.Text>
        <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()} aria-label={t('common.reload')} />
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="client-create">
            {t('clients.create')}
          </Button>
        )}
      </Flex>
      <Table<Client>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={query.data ?? []}
        loading={query.isFetching}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
      />
      <CreateClientModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(client) => {
          setCreating(false);
          setIssued({ clientName: client.name, apiKey: client.apiKey });
        }}
      />
      <ApiKeyModal issued={issued} onClose={() => setIssued(undefined)} />
    </>
  );
}
