import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Schemas } from '@motcua/api-client';
import {
  Button,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Space,
  Table,
  Tag,
  Typography,
  type FormListFieldData,
  type TableColumnsType,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { formatVnd } from '../../app/format';
import type { DocumentValues, FeeValues } from './procedure-form-values';

type RequiredDocument = Schemas['RequiredDocumentDto'];
type Fee = Schemas['FeeDto'];

const NEW_DOCUMENT: DocumentValues = { name: '', originals: 1, copies: 0, mandatory: true };
const NEW_FEE: FeeValues = { name: '', amount: 0 };
const thousands = (value: number | string | undefined) =>
  value === undefined || value === '' ? '' : String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const digits = (value: string | undefined) => Number((value ?? '').replace(/\D/g, '') || 0);

/** Thành phần hồ sơ, read-only. */
export function DocumentsTable({ documents }: { documents: readonly RequiredDocument[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<RequiredDocument> = [
    { title: '#', key: 'index', width: 48, render: (_: unknown, __: RequiredDocument, index) => index + 1 },
    {
      title: t('documents.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, document) => (
        <>
          {name}
          {document.note && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {document.note}
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: t('documents.originals'), dataIndex: 'originals', key: 'originals', width: 100, align: 'center' },
    { title: t('documents.copies'), dataIndex: 'copies', key: 'copies', width: 100, align: 'center' },
    {
      title: t('documents.mandatory'),
      dataIndex: 'mandatory',
      key: 'mandatory',
      width: 120,
      render: (mandatory: boolean) => (mandatory ? <Tag color="red">{t('documents.required')}</Tag> : <Tag>{t('documents.optional')}</Tag>),
    },
  ];
  return (
    <Table<RequiredDocument>
      rowKey={(_, index) => String(index)}
      size="small"
      columns={columns}
      dataSource={[...documents]}
      pagination={false}
      locale={{ emptyText: t('documents.empty') }}
    />
  );
}

/** Phí, lệ phí, read-only. */
export function FeesTable({ fees }: { fees: readonly Fee[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Fee> = [
    { title: t('fees.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('fees.amount'),
      dataIndex: 'amount',
      key: 'amount',
      width: 160,
      align: 'right',
      render: (amount: number) => (amount ? formatVnd(amount) : t('fees.free')),
    },
    { title: t('fees.note'), dataIndex: 'note', key: 'note' },
  ];
  return (
    <Table<Fee>
      rowKey={(_, index) => String(index)}
      size="small"
      columns={columns}
      dataSource={[...fees]}
      pagination={false}
      locale={{ emptyText: t('fees.none') }}
    />
  );
}

function RowActions({
  index,
  count,
  move,
  remove,
  label,
}: {
  index: number;
  count: number;
  move: (from: number, to: number) => void;
  remove: () => void;
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <Space size={0}>
      <Button
        type="text"
        size="small"
        icon={<ArrowUpOutlined />}
        disabled={index === 0}
        onClick={() => move(index, index - 1)}
        aria-label={t('common.moveUp', { item: label })}
      />
      <Button
        type="text"
        size="small"
        icon={<ArrowDownOutlined />}
        disabled={index === count - 1}
        onClick={() => move(index, index + 1)}
        aria-label={t('common.moveDown', { item: label })}
      />
      <Button
        type="text"
        size="small"
        danger
        icon={<DeleteOutlined />}
        onClick={remove}
        aria-label={t('common.removeItem', { item: label })}
      />
    </Space>
  );
}

/** Thành phần hồ sơ of a draft: each document with its original and copy counts. */
export function DocumentsEditor() {
  const { t } = useTranslation();
  return (
    <Form.List name="documents">
      {(fields, { add, remove, move }) => {
        const columns: TableColumnsType<FormListFieldData> = [
          { title: '#', key: 'index', width: 48, render: (_: unknown, __: FormListFieldData, index) => index + 1 },
          {
            title: t('documents.name'),
            key: 'name',
            render: (_: unknown, field, index) => (
              <Space direction="vertical" style={{ width: '100%' }} size={4}>
                <Form.Item
                  name={[field.name, 'name']}
                  rules={[{ required: true, whitespace: true, message: t('documents.nameRequired') }]}
                  style={{ margin: 0 }}
                >
                  <Input aria-label={t('documents.nameOf', { index: index + 1 })} />
                </Form.Item>
                <Form.Item name={[field.name, 'note']} style={{ margin: 0 }}>
                  <Input
                    size="small"
                    placeholder={t('documents.notePlaceholder')}
                    aria-label={t('documents.noteOf', { index: index + 1 })}
                  />
                </Form.Item>
              </Space>
            ),
          },
          {
            title: t('documents.originals'),
            key: 'originals',
            width: 100,
            render: (_: unknown, field) => (
              <Form.Item name={[field.name, 'originals']} rules={[{ required: true }]} style={{ margin: 0 }}>
                <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            ),
          },
          {
            title: t('documents.copies'),
            key: 'copies',
            width: 100,
            render: (_: unknown, field) => (
              <Form.Item name={[field.name, 'copies']} rules={[{ required: true }]} style={{ margin: 0 }}>
                <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            ),
          },
          {
            title: t('documents.mandatory'),
            key: 'mandatory',
            width: 100,
            align: 'center',
            render: (_: unknown, field) => (
              <Form.Item name={[field.name, 'mandatory']} valuePropName="checked" style={{ margin: 0 }}>
                <Checkbox />
              </Form.Item>
            ),
          },
          {
            title: '',
            key: 'actions',
            width: 112,
            render: (_: unknown, field, index) => (
              <RowActions
                index={index}
                count={fields.length}
                move={move}
                remove={() => remove(field.name)}
                label={t('documents.item', { index: index + 1 })}
              />
            ),
          },
        ];
        return (
          <>
            <Table<FormListFieldData>
              rowKey="key"
              size="small"
              columns={columns}
              dataSource={fields}
              pagination={false}
              locale={{ emptyText: t('documents.empty') }}
            />
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ ...NEW_DOCUMENT })} style={{ marginTop: 12 }}>
              {t('documents.add')}
            </Button>
          </>
        );
      }}
    </Form.List>
  );
}

/** Phí, lệ phí of a draft, in đồng. */
export function FeesEditor() {
  const { t } = useTranslation();
  return (
    <Form.List name="fees">
      {(fields, { add, remove, move }) => {
        const columns: TableColumnsType<FormListFieldData> = [
          {
            title: t('fees.name'),
            key: 'name',
            render: (_: unknown, field, index) => (
              <Form.Item
                name={[field.name, 'name']}
                rules={[{ required: true, whitespace: true, message: t('fees.nameRequired') }]}
                style={{ margin: 0 }}
              >
                <Input aria-label={t('fees.nameOf', { index: index + 1 })} />
              </Form.Item>
            ),
          },
          {
            title: t('fees.amountVnd'),
            key: 'amount',
            width: 180,
            render: (_: unknown, field, index) => (
              <Form.Item name={[field.name, 'amount']} rules={[{ required: true }]} style={{ margin: 0 }}>
                <InputNumber<number>
                  min={0}
                  max={1_000_000_000}
                  precision={0}
                  formatter={thousands}
                  parser={digits}
                  style={{ width: '100%' }}
                  aria-label={t('fees.amountOf', { index: index + 1 })}
                />
              </Form.Item>
            ),
          },
          {
            title: t('fees.note'),
            key: 'note',
            render: (_: unknown, field) => (
              <Form.Item name={[field.name, 'note']} style={{ margin: 0 }}>
                <Input />
              </Form.Item>
            ),
          },
          {
            title: '',
            key: 'actions',
            width: 112,
            render: (_: unknown, field, index) => (
              <RowActions
                index={index}
                count={fields.length}
                move={move}
                remove={() => remove(field.name)}
                label={t('fees.item', { index: index + 1 })}
              />
            ),
          },
        ];
        return (
          <>
            <Table<FormListFieldData>
              rowKey="key"
              size="small"
              columns={columns}
              dataSource={fields}
              pagination={false}
              locale={{ emptyText: t('fees.none') }}
            />
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ ...NEW_FEE })} style={{ marginTop: 12 }}>
              {t('fees.add')}
            </Button>
          </>
        );
      }}
    </Form.List>
  );
}
