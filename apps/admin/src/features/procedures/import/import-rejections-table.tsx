import type { Schemas } from '@motcua/api-client';
import { Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';

type Rejection = Schemas['ImportRowError'];

/** Each rejected line of the file with its code and every reason, in line order. */
export function ImportRejectionsTable({ rejected }: { rejected: readonly Rejection[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Rejection> = [
    {
      title: t('procedureImport.line'),
      dataIndex: 'line',
      key: 'line',
      width: 80,
      sorter: (a, b) => a.line - b.line,
      defaultSortOrder: 'ascend',
    },
    {
      title: t('procedureImport.code'),
      dataIndex: 'code',
      key: 'code',
      width: 140,
      render: (code: string | null) =>
        code ? <Typography.Text code>{code}</Typography.Text> : <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      title: t('procedureImport.reasons'),
      dataIndex: 'reasons',
      key: 'reasons',
      render: (reasons: string[]) => (
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {reasons.map((reason, index) => (
            <li key={index}>{reason}</li>
          ))}
        </ul>
      ),
    },
  ];
  return (
    <Table<Rejection>
      data-testid="import-rejections"
      rowKey={(row) => `${row.line}-${row.code ?? ''}`}
      size="small"
      columns={columns}
      dataSource={[...rejected]}
      pagination={rejected.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
    />
  );
}
