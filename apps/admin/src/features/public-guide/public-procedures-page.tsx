import { ClockCircleOutlined, DollarOutlined, GlobalOutlined, SearchOutlined } from '@ant-design/icons';
import type { Schemas } from '@motcua/api-client';
import { Alert, Button, Card, Checkbox, Col, Empty, Flex, Input, Row, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { $api, errorMessage } from '../../app/api';
import { formatVnd } from '../../app/format';
import { useDebouncedValue } from '../../app/use-debounced-value';
import {
  durationLabel,
  options,
  PROCEDURE_LEVELS,
  procedureLevelLabel,
  REGIME_COLORS,
  regimeLabel,
  type ProcedureLevel,
} from '../procedures/labels';
import { usePublicProcedures, type PublicFilters } from './use-public-procedures';

type ProcedureSummary = Schemas['ProcedureSummary'];

const SEARCH_DEBOUNCE_MS = 350;

function ProcedureCard({ procedure }: { procedure: ProcedureSummary }) {
  const { t } = useTranslation();
  return (
    <Card size="small" className="public-card" data-testid={`public-procedure-${procedure.code}`}>
      <Link to={`/thu-tuc-cong-khai/${procedure.code}`}>
        <Typography.Title level={5} style={{ margin: 0, color: 'inherit' }}>
          {procedure.name}
        </Typography.Title>
      </Link>
      <Space wrap size={[6, 6]} style={{ marginTop: 8 }}>
        <Tag>{procedure.field}</Tag>
        <Tag color="geekblue">{procedureLevelLabel(procedure.level)}</Tag>
        {procedure.onlineRegime !== 'NONE' && (
          <Tag color={REGIME_COLORS[procedure.onlineRegime]} icon={<GlobalOutlined />}>
            {regimeLabel(procedure.onlineRegime)}
          </Tag>
        )}
      </Space>
      <Flex gap={16} wrap style={{ marginTop: 8 }}>
        <Typography.Text type="secondary">
          <ClockCircleOutlined /> {durationLabel(procedure.processingAmount, procedure.processingUnit)}
        </Typography.Text>
        <Typography.Text type="secondary">
          <DollarOutlined /> {procedure.feeTotal ? formatVnd(procedure.feeTotal) : t('fees.free')}
        </Typography.Text>
        {procedure.competentAgencyName && <Typography.Text type="secondary">{procedure.competentAgencyName}</Typography.Text>}
      </Flex>
    </Card>
  );
}

/** /thu-tuc-cong-khai: search the published catalog without diacritics, by field, level, online only. */
export function PublicProceduresPage() {
  const { t } = useTranslation();
  // The filters live in the address, so "back" from a procedure returns to the same results.
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const q = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const field = params.get('field') ?? undefined;
  const level = (params.get('level') as ProcedureLevel | null) ?? undefined;
  const online = params.get('online') === '1';
  const fields = $api.useQuery('get', '/api/public/procedures/fields', {}, { staleTime: 10 * 60_000 });

  const setParam = (key: string, value: string | undefined) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const filters: PublicFilters = { q: q || undefined, field, level, online: online || undefined };
  const list = usePublicProcedures(filters);
  const procedures = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={2} style={{ marginBottom: 4 }}>
          {t('publicGuide.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('publicGuide.intro')}</Typography.Text>
      </div>
      <Card size="small" className="no-print">
        <Row gutter={[12, 12]}>
          <Col xs={24}>
            <Input
              size="large"
              allowClear
              prefix={<SearchOutlined />}
              value={search}
              onChange={(event) => setParam('q', event.target.value || undefined)}
              placeholder={t('publicGuide.searchPlaceholder')}
              aria-label={t('publicGuide.searchPlaceholder')}
              data-testid="public-search"
            />
          </Col>
          <Col xs={24} md={10}>
            <Select<string>
              allowClear
              showSearch
              value={field}
              onChange={(value) => setParam('field', value)}
              placeholder={t('publicGuide.allFields')}
              aria-label={t('procedures.field')}
              options={(fields.data ?? []).map((name) => ({ value: name, label: name }))}
              style={{ width: '100%' }}
            />
          </Col>
          <Col xs={24} md={7}>
            <Select<ProcedureLevel>
              allowClear
              value={level}
              onChange={(value) => setParam('level', value)}
              placeholder={t('publicGuide.allLevels')}
              aria-label={t('procedures.level')}
              options={options(PROCEDURE_LEVELS, procedureLevelLabel)}
              style={{ width: '100%' }}
            />
          </Col>
          <Col xs={24} md={7} style={{ display: 'flex', alignItems: 'center' }}>
            <Checkbox
              checked={online}
              onChange={(event) => setParam('online', event.target.checked ? '1' : undefined)}
              data-testid="public-online"
            >
              {t('publicGuide.onlineOnly')}
            </Checkbox>
          </Col>
        </Row>
      </Card>
      {list.isError && <Alert type="error" showIcon message={errorMessage(list.error)} />}
      {list.isLoading ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : procedures.length === 0 ? (
        <Empty description={t('publicGuide.noResult')} />
      ) : (
        <Flex
          vertical
          gap={12}
          data-testid="public-results"
          aria-busy={list.isPlaceholderData}
          style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}
        >
          <Typography.Text type="secondary" aria-live="polite">
            {t('publicGuide.shown', { count: procedures.length })}
          </Typography.Text>
          {procedures.map((procedure) => (
            <ProcedureCard key={procedure.id} procedure={procedure} />
          ))}
          {list.hasNextPage && (
            <Button block onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('publicGuide.more')}
            </Button>
          )}
        </Flex>
      )}
    </Flex>
  );
}
