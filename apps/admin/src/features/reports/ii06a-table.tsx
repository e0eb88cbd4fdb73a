import type { Schemas } from '@motcua/api-client';
import { Button, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { ColumnGroupType, ColumnType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { formatCount, II06A_CELLS, II06A_GROUPS, type DrillCell, type Ii06aCell, type Ii06aCounters } from './report-cells';

type Row = Schemas['Ii06aRow'];

/** What a click on a number asks for: the dossiers behind it. */
export interface DrillTarget {
  cell: DrillCell;
  /** The row's agency; undefined for the total row. */
  rowAgencyId?: string;
  /** A procedure row: its dossiers only. */
  procedureCode?: string;
  /** What the row is called (agency, procedure or the total). */
  agencyName: string;
  count: number;
}

/** A counter that opens its dossiers; a zero has none to show. */
export function DrillNumber({ value, label, onClick, testId }: { value: number; label: string; onClick?: () => void; testId: string }) {
  const { t } = useTranslation();
  if (!value || !onClick) return <span data-testid={testId}>{formatCount(value)}</span>;
  return (
    <Tooltip title={t('reports.ii06a.drillHint')}>
      <Button
        type="link"
        size="small"
        onClick={onClick}
        aria-label={`${label}: ${formatCount(value)}`}
        style={{ padding: 0, height: 'auto', fontVariantNumeric: 'tabular-nums' }}
        data-testid={testId}
      >
        {formatCount(value)}
      </Button>
    </Tooltip>
  );
}

/** One row of an II.06a-shaped table: its counters, how it is named and what its numbers drill into. */
export interface CountersRowSpec<T> {
  key: (row: T) => string;
  /** data-testid part of the row's cells. */
  testKey: (row: T) => string;
  name: (row: T) => string;
  secondary: (row: T) => string;
  drill: (row: T) => Pick<DrillTarget, 'rowAgencyId' | 'procedureCode'>;
  heading: string;
}

/**
 * A table with II.06a's official grouped header (received / resolved / in process / withdrawn),
 * one row per agency or procedure and the total. Every number opens the dossiers behind it.
 */
export function CountersTable<T extends Ii06aCounters>({
  rows,
  total,
  loading,
  onDrill,
  spec,
  testId,
  emptyText,
}: {
  rows: T[];
  total: Ii06aCounters | undefined;
  loading?: boolean;
  onDrill?: (target: DrillTarget) => void;
  spec: CountersRowSpec<T>;
  testId: string;
  emptyText: string;
}) {
  const { t } = useTranslation();
  const cellColumn = (cell: Ii06aCell): ColumnType<T> => ({
    title: t(`reports.ii06a.cells.${cell}`),
    dataIndex: cell,
    key: cell,
    align: 'right',
    width: cell === 'withdrawnOrStopped' ? 120 : 96,
    render: (value: number, row) => (
      <DrillNumber
        value={value}
        label={`${t(`reports.ii06a.cellsLong.${cell}`)} — ${spec.name(row)}`}
        onClick={onDrill && (() => onDrill({ cell, ...spec.drill(row), agencyName: spec.name(row), count: value }))}
        testId={`${testId}-${spec.testKey(row)}-${cell}`}
      />
    ),
  });
  const columns: TableColumnsType<T> = [
    { title: t('reports.ii06a.index'), key: 'index', width: 56, align: 'center', render: (_: unknown, _row, index) => index + 1 },
    {
      title: spec.heading,
      key: 'name',
      render: (_: unknown, row) => (
        <div style={{ minWidth: 220, maxWidth: 420 }}>
          <div>{spec.name(row)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {spec.secondary(row)}
          </Typography.Text>
        </div>
      ),
    },
    ...II06A_GROUPS.map((group): ColumnGroupType<T> | ColumnType<T> =>
      group.key
        ? { title: t(`reports.ii06a.${group.key}`), key: group.key, children: group.cells.map(cellColumn) }
        : { ...cellColumn(group.cells[0]), title: t('reports.ii06a.cells.withdrawnOrStopped') },
    ),
  ];

  return (
    <Table<T>
      rowKey={spec.key}
      size="small"
      bordered
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText }}
      data-testid={testId}
      summary={() =>
        total && rows.length > 0 ? (
          <Table.Summary fixed>
            <Table.Summary.Row style={{ fontWeight: 600, background: '#fafafa' }} data-testid={`${testId}-total`}>
              <Table.Summary.Cell index={0} colSpan={2}>
                {t('reports.ii06a.total')}
              </Table.Summary.Cell>
              {II06A_CELLS.map((cell, i) => (
                <Table.Summary.Cell key={cell} index={i + 2} align="right">
                  <DrillNumber
                    value={total[cell]}
                    label={`${t(`reports.ii06a.cellsLong.${cell}`)} — ${t('reports.ii06a.total')}`}
                    onClick={onDrill && (() => onDrill({ cell, agencyName: t('reports.ii06a.total'), count: total[cell] }))}
                    testId={`${testId}-total-${cell}`}
                  />
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          </Table.Summary>
        ) : null
      }
    />
  );
}

/** Form II.06a: one row per agency of the scope, and the total. */
export function Ii06aTable(props: {
  rows: Row[];
  total: Ii06aCounters | undefined;
  loading?: boolean;
  onDrill?: (target: DrillTarget) => void;
}) {
  const { t } = useTranslation();
  return (
    <CountersTable<Row>
      {...props}
      testId="ii06a"
      emptyText={t('reports.ii06a.empty')}
      spec={{
        key: (row) => row.agencyId,
        testKey: (row) => row.agencyCode,
        name: (row) => row.agencyName,
        secondary: (row) => row.agencyCode,
        drill: (row) => ({ rowAgencyId: row.agencyId }),
        heading: t('reports.ii06a.agency'),
      }}
    />
  );
}

type ProcedureRow = Schemas['ProcedureReportRow'];

/** The same counters per procedure; a number lists that procedure's dossiers. */
export function ProceduresTable(props: {
  rows: ProcedureRow[];
  total: Ii06aCounters | undefined;
  loading?: boolean;
  onDrill?: (target: DrillTarget) => void;
}) {
  const { t } = useTranslation();
  return (
    <CountersTable<ProcedureRow>
      {...props}
      testId="procedures"
      emptyText={t('reports.procedures.empty')}
      spec={{
        key: (row) => row.procedureCode,
        testKey: (row) => row.procedureCode,
        name: (row) => row.procedureName,
        secondary: (row) => `${row.procedureCode} · ${row.field}`,
        drill: (row) => ({ procedureCode: row.procedureCode }),
        heading: t('reports.procedures.name'),
      }}
    />
  );
}
