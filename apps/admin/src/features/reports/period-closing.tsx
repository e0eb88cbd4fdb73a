import { LockOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { Schemas } from '@motcua/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Flex, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { $api, errorMessage, fetchClient } from '../../app/api';
import { useSession } from '../../app/auth/use-session';
import { formatDate, formatVietnamDateTime } from '../../app/format';
import { formatCount } from './report-cells';
import { vietnamToday } from './report-filters';

type ClosedPeriod = Schemas['ClosedPeriod'];

const shortHash = (hash: string) => `${hash.slice(0, 12)}…`;

/** Recomputes a closed month's hash on demand (auditors); the answer stays next to the row. */
function VerifyPeriod({ month }: { month: string }) {
  const { t } = useTranslation();
  const verification = $api.useQuery(
    'get',
    '/api/reports/periods/{month}/verify',
    { params: { path: { month } } },
    { enabled: false, retry: false },
  );
  const result = verification.data;
  return (
    <Flex gap={8} align="center">
      <Button
        size="small"
        icon={<SafetyCertificateOutlined />}
        loading={verification.isFetching}
        onClick={() => void verification.refetch()}
        data-testid={`verify-period-${month}`}
      >
        {t('reports.closing.verify')}
      </Button>
      {result &&
        (result.ok ? (
          <Tooltip title={t('reports.closing.verifyOkDetail')}>
            <Tag color="success" data-testid={`verify-result-${month}`}>
              {t('reports.closing.verifyOk')}
            </Tag>
          </Tooltip>
        ) : (
          <Tooltip title={t('reports.closing.verifyBrokenDetail', { recomputed: result.recomputed })}>
            <Tag color="error" data-testid={`verify-result-${month}`}>
              {t('reports.closing.verifyBroken')}
            </Tag>
          </Tooltip>
        ))}
    </Flex>
  );
}

function useClosePeriod() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation<ClosedPeriod, unknown, string>({
    mutationKey: ['post', '/api/reports/periods/{month}/close'],
    mutationFn: async (month) => {
      const { data, error } = await fetchClient.POST('/api/reports/periods/{month}/close', { params: { path: { month } } });
      if (error) throw error;
      return data as ClosedPeriod;
    },
    onSuccess: (period) => {
      void message.success(t('reports.closing.closed', { month: period.month }));
      // Every report of that month (and the next) now reads the snapshot.
      void queryClient.invalidateQueries({ queryKey: ['get', '/api/reports/periods'] });
      for (const path of ['/api/reports/ii06a', '/api/reports/procedures', '/api/reports/ii06a/dossiers', '/api/reports/dashboard']) {
        void queryClient.invalidateQueries({ queryKey: ['get', path] });
      }
    },
    onError: (error) => void message.error(t('reports.closing.closeFailed', { reason: errorMessage(error) })),
  });
}

/** The closed months, closing a finished month (administrators) and verifying a month's hash (auditors). */
export function PeriodClosing() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const { can } = useSession();
  const periods = $api.useQuery('get', '/api/reports/periods');
  const close = useClosePeriod();
  const [month, setMonth] = useState<Dayjs | null>(null);
  const closedMonths = new Set((periods.data?.items ?? []).map((p) => p.month));
  const thisMonth = vietnamToday().slice(0, 7);

  const confirmClose = () => {
    if (!month) return;
    const value = month.format('YYYY-MM');
    const label = month.format('MM/YYYY');
    modal.confirm({
      title: t('reports.closing.confirmTitle', { month: label }),
      content: t('reports.closing.confirmBody', { month: label }),
      okText: t('reports.closing.close'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: true },
      onOk: () => close.mutateAsync(value).then(() => setMonth(null)),
    });
  };

  const columns: TableColumnsType<ClosedPeriod> = [
    {
      title: t('reports.closing.month'),
      dataIndex: 'month',
      key: 'month',
      render: (m: string) => <strong>{`${m.slice(5)}/${m.slice(0, 4)}`}</strong>,
    },
    { title: t('reports.closing.period'), key: 'period', render: (_: unknown, p) => `${formatDate(p.from)} – ${formatDate(p.to)}` },
    { title: t('reports.closing.closedAt'), dataIndex: 'closedAt', key: 'closedAt', render: (at: string) => formatVietnamDateTime(at) },
    { title: t('reports.closing.closedBy'), dataIndex: 'closedByName', key: 'closedBy', render: (name: string | null) => name ?? '—' },
    { title: t('reports.closing.lines'), dataIndex: 'dossierLines', key: 'lines', align: 'right', render: (n: number) => formatCount(n) },
    {
      title: t('reports.closing.hash'),
      dataIndex: 'sha256',
      key: 'hash',
      render: (hash: string) => (
        <Tooltip title={hash}>
          <Typography.Text code copyable={{ text: hash }}>
            {shortHash(hash)}
          </Typography.Text>
        </Tooltip>
      ),
    },
    ...(can('audit:verify')
      ? [{ title: '', key: 'verify', render: (_: unknown, p: ClosedPeriod) => <VerifyPeriod month={p.month} /> }]
      : []),
  ];

  return (
    <Flex vertical gap={16} data-testid="period-closing">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('reports.closing.intro')}
      </Typography.Paragraph>
      {can('reports:close') ? (
        <Flex gap={12} align="center" wrap>
          <DatePicker
            picker="month"
            format="MM/YYYY"
            value={month}
            onChange={setMonth}
            placeholder={t('reports.closing.pickMonth')}
            // Only a month that has ended and is not closed yet.
            disabledDate={(d) => d.format('YYYY-MM') >= thisMonth || closedMonths.has(d.format('YYYY-MM'))}
            style={{ width: 220 }}
            data-testid="close-month-picker"
          />
          <Button
            type="primary"
            danger
            icon={<LockOutlined />}
            disabled={!month}
            loading={close.isPending}
            onClick={confirmClose}
            data-testid="close-month"
          >
            {t('reports.closing.close')}
          </Button>
        </Flex>
      ) : (
        <Alert type="info" showIcon message={t('reports.closing.readOnly')} />
      )}
      <Table<ClosedPeriod>
        rowKey="month"
        size="small"
        columns={columns}
        dataSource={periods.data?.items ?? []}
        loading={periods.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('reports.closing.empty') }}
        data-testid="closed-periods"
      />
    </Flex>
  );
}
