import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { Schemas } from '@motcua/api-client';
import { App, Button, Card, Flex, Progress, Select, Table, Tag, Typography, Upload, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { $api } from '../../../app/api';
import { formatVietnamDateTime } from '../../../app/format';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, useDownloadAttachment, useUploadAttachment } from './use-dossier-mutations';

type Attachment = Schemas['AttachmentResponse'];
type AttachmentKind = Schemas['AttachmentKind'];

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }).format(bytes / 1024)} KB`;
  return `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;
}

/** Scans of the documents received and the issued result: list, download, upload with progress. */
export function AttachmentsCard({ code }: { code: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [kind, setKind] = useState<AttachmentKind>('DOCUMENT');
  const query = $api.useQuery('get', '/api/dossiers/{code}/attachments', { params: { path: { code } } });
  const upload = useUploadAttachment(code);
  const download = useDownloadAttachment(code);

  const columns: TableColumnsType<Attachment> = [
    {
      title: t('dossiers.attachments.file'),
      dataIndex: 'filename',
      key: 'filename',
      render: (filename: string, attachment) => (
        <Button
          type="link"
          icon={<DownloadOutlined />}
          style={{ paddingInline: 0, whiteSpace: 'normal', textAlign: 'start', height: 'auto' }}
          loading={download.isPending && download.variables?.id === attachment.id}
          onClick={() => download.mutate(attachment)}
        >
          {filename}
        </Button>
      ),
    },
    {
      title: t('dossiers.attachments.kind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (value: AttachmentKind) => (
        <Tag color={value === 'RESULT' ? 'green' : 'default'}>{t(`dossiers.attachments.kinds.${value}`)}</Tag>
      ),
    },
    { title: t('dossiers.attachments.size'), dataIndex: 'size', key: 'size', render: (size: number) => formatSize(size) },
    {
      title: t('dossiers.attachments.uploaded'),
      key: 'uploadedAt',
      render: (_: unknown, attachment) => (
        <span>
          {formatVietnamDateTime(attachment.uploadedAt)}
          {attachment.uploadedByName && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {attachment.uploadedByName}
            </Typography.Text>
          )}
        </span>
      ),
    },
  ];

  const beforeUpload = (file: File) => {
    if (!ATTACHMENT_TYPES.includes(file.type)) void message.error(t('dossiers.attachments.wrongType', { name: file.name }));
    else if (file.size > ATTACHMENT_MAX_BYTES) void message.error(t('dossiers.attachments.tooLarge', { name: file.name }));
    else upload.mutate({ file, kind });
    // The hook sends the file itself; antd's own request is never used.
    return Upload.LIST_IGNORE;
  };

  return (
    <Card
      size="small"
      title={t('dossiers.attachments.title')}
      data-testid="dossier-attachments"
      extra={
        <Flex gap={8} align="center">
          <Select<AttachmentKind>
            size="small"
            value={kind}
            onChange={setKind}
            aria-label={t('dossiers.attachments.kind')}
            options={(['DOCUMENT', 'RESULT'] as const).map((value) => ({ value, label: t(`dossiers.attachments.kinds.${value}`) }))}
            style={{ width: 180 }}
          />
          <Upload
            accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
            showUploadList={false}
            beforeUpload={beforeUpload}
            disabled={upload.isPending}
          >
            <Button size="small" icon={<UploadOutlined />} loading={upload.isPending}>
              {t('dossiers.attachments.upload')}
            </Button>
          </Upload>
        </Flex>
      }
    >
      {upload.isPending && <Progress percent={Math.round(upload.progress * 100)} size="small" status="active" />}
      <Table<Attachment>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={query.data ?? []}
        loading={query.isLoading}
        pagination={false}
        locale={{ emptyText: t('dossiers.attachments.none') }}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('dossiers.attachments.hint')}
      </Typography.Text>
    </Card>
  );
}
