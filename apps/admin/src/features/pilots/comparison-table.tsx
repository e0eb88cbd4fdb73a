import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { comparisonRows, formatChange, formatIndicator, indicatorLabel, type ComparisonRow, type GroupCells } from './comparison-rows';
import type { PilotComparison } from './pilot-labels';

const TREND_COLORS = { better: '#389e0d', worse: '#cf1322', same: undefined } as const;

function Change({ row, cells }: { row: ComparisonRow; cells: GroupCells }) {
  const { t } = useTranslation();
  const text = formatChange(row.kind, cells.change);
  if (!cells.trend || cells.trend === 'same') return <span>{text}</span>;
  const icon = (cells.change ?? 0) > 0 ? <ArrowUpOutlined /> : <ArrowDownOutlined />;
  return (
    <Tooltip title={t(`oversight.pilots.comparison.${cells.trend}`)}>
      <span style={{ color: TREND_COLORS[cells.trend], whiteSpace: 'nowrap' }} data-trend={cells.trend}>
        {icon} {text}
      </span>
    </Tooltip>
  );
}

/**
 * The pilot's evidence as a table: each indicator for the pilot agencies and for the other agencies,
 * before vs during the pilot, with the change coloured by whether it is progress.
 */
export function ComparisonTable({ comparison }: { comparison: PilotComparison }) {
  const { t } = useTranslation();
  const rows = comparisonRows(comparison);
  const window = (which: 'before' | 'during') =>
    t('oversight.pilots.comparison.windowValue', { from: formatDate(comparison[which].from), to: formatDate(comparison[which].to) });
  const group = (key: 'pilot' | 'other', title: string): TableColumnsType<ComparisonRow>[number] => ({
    title,
    key,
    children: [
      {
        title: (
          <>
            {t('oversight.pilots.comparison.before')}
            <br />
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
              {window('before')}
            </Typography.Text>
          </>
        ),
        key: `${key}-before`,
        align: 'right',
        render: (_: unknown, row) => formatIndicator(row.kind, row[key].before),
      },
      {
        title: (
          <>
            {t('oversight.pilots.comparison.during')}
            <br />
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
              {window('during')}
            </Typography.Text>
          </>
        ),
        key: `${key}-during`,
        align: 'right',
        render: (_: unknown, row) => <strong>{formatIndicator(row.kind, row[key].during)}</strong>,
      },
      {
        title: t('oversight.pilots.comparison.change'),
        key: `${key}-change`,
        align: 'right',
        render: (_: unknown, row) => <Change row={row} cells={row[key]} />,
      },
    ],
  });
  const columns: TableColumnsType<ComparisonRow> = [
    {
      title: t('oversight.pilots.comparison.indicator'),
      key: 'indicator',
      fixed: 'left',
      render: (_: unknown, row) => <span style={{ whiteSpace: 'nowrap' }}>{indicatorLabel(row.key)}</span>,
    },
    group('pilot', t('oversight.pilots.comparison.pilotAgencies')),
    group('other', t('oversight.pilots.comparison.otherAgencies')),
  ];
  return (
    <Table<ComparisonRow>
      rowKey="key"
      size="middle"
      bordered
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      // The counts behind the rates read as context, set apart from the four indicators.
      onRow={(row) =>
        ({
          'data-indicator': row.key,
          style: row.kind === 'count' ? { color: 'rgba(0, 0, 0, 0.55)' } : undefined,
        }) as HTMLAttributes<HTMLElement>
      }
      data-testid="pilot-comparison-table"
    />
  );
}
