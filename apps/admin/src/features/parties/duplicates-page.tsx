import { LeftOutlined, MergeCellsOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Segmented, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { $api } from '../../app/api';
import { formatDate } from '../../app/format';
import {
  DUPLICATE_REASONS,
  duplicateReasonLabel,
  partyPath,
  sexLabel,
  type DuplicateGroup,
  type DuplicateReason,
  type PartySummary,
} from './labels';
import { MergeDialog } from './merge-dialog';
import { IdentifierLines, PartyTypeTag } from './party-tags';

const PAGE_SIZE = 20;

/** Suspected duplicates without a shared identifier (same name and birth date, or same phone), for an administrator to merge. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const [reason, setReason] = useState<DuplicateReason>('NAME_AND_BIRTH_DATE');
  const [paging, setPaging] = useState<{ reason: DuplicateReason; cursors: Array<string | undefined> }>({ reason, cursors: [undefined] });
  const cursors = paging.reason === reason ? paging.cursors : [undefined];
  const pageIndex = cursors.length - 1;
  const [merging, setMerging] = useState<readonly PartySummary[]>();
  const query = $api.useQuery(
    'get',
    '/api/parties/duplicates',
    { params: { query: { reason, cursor: cursors[pageIndex], limit: PAGE_SIZE } } },
    { placeholderData: keepPreviousData },
  );
  const groups = query.data?.items ?? [];
  const nextCursor = query.data?.nextCursor ?? null;

  const columns = [
    {
      title: t('parties.list.name'),
      key: 'name',
      render: (_: unknown, party: PartySummary) => (
        <Flex gap={8} align="center">
          <Link to={partyPath(party.id)} target="_blank">
            {party.displayName}
          </Link>
          <PartyTypeTag type={party.type} />
        </Flex>
      ),
    },
    {
      title: t('parties.list.birth'),
      key: 'birth',
      render: (_: unknown, party: PartySummary) =>
        [formatDate(party.dateOfBirth), party.sex ? sexLabel(party.sex) : ''].filter(Boolean).join(' · ') || '—',
    },
    {
      title: t('parties.list.identifiers'),
      key: 'identifiers',
      render: (_: unknown, party: PartySummary) => <IdentifierLines identifiers={party.identifiers} />,
    },
    { title: t('parties.list.phone'), key: 'phone', render: (_: unknown, party: PartySummary) => party.phone ?? '—' },
  ];

  return (
    <>
      <Flex gap={12} align="center" wrap style={{ marginBottom: 16 }}>
        <Segmented<DuplicateReason>
          value={reason}
          onChange={setReason}
          options={DUPLICATE_REASONS.map((value) => ({ value, label: duplicateReasonLabel(value) }))}
        />
        <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()} aria-label={t('common.reload')} />
        <Typography.Text type="secondary">{t('parties.duplicates.hint')}</Typography.Text>
      </Flex>
      <Spin spinning={query.isFetching}>
        {groups.length === 0 && !query.isFetching ? (
          <Empty description={t('parties.duplicates.none')} />
        ) : (
          <Flex vertical gap={12} data-testid="duplicate-groups">
            {groups.map((group: DuplicateGroup) => (
              <Card
                key={group.parties.map((party) => party.id).join('-')}
                size="small"
                title={t('parties.duplicates.group', { count: group.parties.length, reason: duplicateReasonLabel(group.reason) })}
                extra={
                  <Button
                    size="small"
                    type="primary"
                    icon={<MergeCellsOutlined />}
                    onClick={() => setMerging(group.parties)}
                    data-testid="duplicate-merge"
                  >
                    {t('parties.merge.button')}
                  </Button>
                }
                data-testid="duplicate-group"
              >
                <Table<PartySummary>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={group.parties}
                  columns={columns}
                  scroll={{ x: 'max-content' }}
                />
              </Card>
            ))}
          </Flex>
        )}
      </Spin>
      <Flex justify="end" align="center" gap={8} style={{ marginTop: 16 }}>
        <Typography.Text type="secondary">{t('common.page', { page: pageIndex + 1 })}</Typography.Text>
        <Button icon={<LeftOutlined />} disabled={pageIndex === 0} onClick={() => setPaging({ reason, cursors: cursors.slice(0, -1) })}>
          {t('common.previousPage')}
        </Button>
        <Button
          disabled={!nextCursor || query.isPlaceholderData}
          onClick={() => nextCursor && setPaging({ reason, cursors: [...cursors, nextCursor] })}
        >
          {t('common.nextPage')} <RightOutlined />
        </Button>
      </Flex>
      {merging && <MergeDialog parties={merging} onClose={() => setMerging(undefined)} />}
    </>
  );
}
