import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { isProblem } from '@motcua/api-client';
import { Alert, Button, Card, Descriptions, Flex, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { $api, errorMessage } from '../../app/api';
import { useSession } from '../../app/auth/use-session';
import { formatVietnamDateTime } from '../../app/format';
import { ComparisonChart } from './comparison-chart';
import { ComparisonTable } from './comparison-table';
import { PILOT_STATUS_COLORS, PILOTS_PATH, pilotStatusLabel, type Pilot } from './pilot-labels';
import { PilotFormModal } from './pilot-form-modal';
import { PilotPeriod, PilotProcedures } from './pilot-list-page';

/** /thi-diem/:id — a pilot as recorded, and (for those who read reports) its before/during comparison. */
export function PilotDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const query = $api.useQuery('get', '/api/pilots/{id}', { params: { path: { id } } }, { meta: { silentErrors: true } });
  if (query.isLoading) return <Skeleton active />;
  if (!query.data) {
    return (
      <Result
        status="error"
        title={t('oversight.pilots.loadFailed')}
        subTitle={errorMessage(query.error)}
        extra={<Button onClick={() => navigate(PILOTS_PATH)}>{t('oversight.pilots.backToList')}</Button>}
      />
    );
  }
  return <PilotDetail pilot={query.data} onReload={() => void query.refetch()} />;
}

function PilotDetail({ pilot, onReload }: { pilot: Pilot; onReload: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useSession();
  const [editing, setEditing] = useState(false);
  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Flex align="center" gap={8} wrap>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              onClick={() => navigate(PILOTS_PATH)}
              aria-label={t('oversight.pilots.backToList')}
            />
            <span style={{ whiteSpace: 'normal' }} data-testid="pilot-name">
              {pilot.name}
            </span>
            <Tag color={PILOT_STATUS_COLORS[pilot.status]} data-testid="pilot-status">
              {pilotStatusLabel(pilot.status)}
            </Tag>
          </Flex>
        }
        extra={
          can('pilots:manage') && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="pilot-edit">
              {t('common.edit')}
            </Button>
          )
        }
      >
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'decisionRef', label: t('oversight.pilots.fields.decisionRef'), children: pilot.decisionRef },
            { key: 'period', label: t('oversight.pilots.fields.period'), children: <PilotPeriod pilot={pilot} /> },
            {
              key: 'agencies',
              label: t('oversight.pilots.fields.agencies'),
              children: (
                <Flex vertical>
                  {pilot.agencies.map((agency) => (
                    <span key={agency.id}>
                      {agency.name} <Typography.Text type="secondary">({agency.code})</Typography.Text>
                    </span>
                  ))}
                </Flex>
              ),
            },
            {
              key: 'procedures',
              label: t('oversight.pilots.fields.procedures'),
              children: <PilotProcedures codes={pilot.procedureCodes} />,
            },
            {
              key: 'createdBy',
              label: t('oversight.pilots.fields.createdBy'),
              children: `${pilot.createdByName ?? t('oversight.none')}, ${formatVietnamDateTime(pilot.createdAt)}`,
            },
          ]}
        />
      </Card>
      {can('reports:read') ? (
        <PilotComparisonCard pilot={pilot} />
      ) : (
        <Alert type="info" showIcon message={t('oversight.pilots.comparison.needsReports')} data-testid="pilot-comparison-needs-reports" />
      )}
      <PilotFormModal
        key={`${pilot.id}-${pilot.version}`}
        open={editing}
        pilot={pilot}
        onClose={() => setEditing(false)}
        onReload={onReload}
      />
    </Flex>
  );
}

function PilotComparisonCard({ pilot }: { pilot: Pilot }) {
  const { t } = useTranslation();
  const query = $api.useQuery(
    'get',
    '/api/pilots/{id}/comparison',
    { params: { path: { id: pilot.id } } },
    // A planned pilot answers 409 PILOT_NOT_STARTED: said here, not as an error notification.
    { enabled: pilot.status !== 'PLANNED', meta: { silentErrors: true } },
  );
  const notStarted = pilot.status === 'PLANNED' || (isProblem(query.error) && query.error.code === 'PILOT_NOT_STARTED');
  return (
    <Card title={t('oversight.pilots.comparison.title')} data-testid="pilot-comparison">
      {notStarted ? (
        <Result status="info" title={t('oversight.pilots.comparison.notStarted')} />
      ) : query.isLoading ? (
        <Skeleton active />
      ) : !query.data ? (
        <Alert type="error" showIcon message={t('oversight.pilots.comparison.loadFailed')} description={errorMessage(query.error)} />
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <ComparisonTable comparison={query.data} />
          <Typography.Text type="secondary">{t('oversight.pilots.comparison.hint')}</Typography.Text>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('oversight.pilots.comparison.chartTitle')}
          </Typography.Title>
          <ComparisonChart comparison={query.data} />
        </Space>
      )}
    </Card>
  );
}
