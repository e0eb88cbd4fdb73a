import { CloudUploadOutlined, DownloadOutlined, InboxOutlined, LeftOutlined } from '@ant-design/icons';
import { isProblem, type Problem, type Schemas } from '@motcua/api-client';
import { Alert, Button, Card, Flex, Form, Progress, Radio, Space, Switch, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../../app/api';
import { ImportRejectionsTable } from './import-rejections-table';
import { useImportProcedures, type ImportMode } from './use-import-procedures';

type Rejection = Schemas['ImportRowError'];

const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';
/** Column headers the importer accepts (Vietnamese labels of the national database export). */
const TEMPLATE_HEADER = [
  'Mã thủ tục',
  'Tên thủ tục',
  'Lĩnh vực',
  'Cấp thực hiện',
  'Mã cơ quan',
  'Thời hạn giải quyết',
  'Đơn vị thời gian',
  'Lệ phí',
  'Thành phần hồ sơ',
];
const TEMPLATE_ROW = [
  '2.000000',
  'Thủ tục mẫu (xóa dòng này)',
  'Hộ tịch',
  'xã',
  '',
  '5',
  'ngày làm việc',
  '0',
  'Tờ khai theo mẫu; Bản sao giấy tờ tùy thân',
];

/** A 422 of the import carries the rejected rows as an extension of the problem. */
function rejectedOf(error: unknown): Rejection[] | undefined {
  if (!isProblem(error)) return undefined;
  const rejected = (error as Problem & { rejected?: unknown }).rejected;
  return Array.isArray(rejected) ? (rejected as Rejection[]) : undefined;
}

function downloadTemplate() {
  const quote = (cell: string) => (/[",;\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const csv = [TEMPLATE_HEADER, TEMPLATE_ROW].map((row) => row.map(quote).join(',')).join('\r\n');
  // A BOM so that Excel opens the UTF-8 file with its Vietnamese letters intact.
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'mau-nhap-thu-tuc.csv';
  link.click();
  URL.revokeObjectURL(url);
}

/** Nhập từ tệp: the national database export (XLSX or CSV), every row checked, with a table of rejected rows. */
export function ProcedureImportPage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File>();
  const [mode, setMode] = useState<ImportMode>('all');
  const [publish, setPublish] = useState(false);
  const importer = useImportProcedures();
  const percent = Math.round(importer.progress * 100);

  const choose = (chosen: File | undefined) => {
    setFile(chosen);
    importer.reset();
  };

  return (
    <Card>
      <Link to="/thu-tuc">
        <LeftOutlined /> {t('nav.procedures')}
      </Link>
      <Typography.Title level={3} style={{ marginTop: 8 }}>
        {t('procedureImport.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('procedureImport.intro')}{' '}
        <Button type="link" size="small" icon={<DownloadOutlined />} onClick={downloadTemplate} style={{ padding: 0 }}>
          {t('procedureImport.template')}
        </Button>
      </Typography.Paragraph>
      <Form layout="vertical" disabled={importer.isPending} style={{ maxWidth: 760 }}>
        <Form.Item label={t('procedureImport.file')} required>
          <Upload.Dragger
            accept={ACCEPT}
            maxCount={1}
            multiple={false}
            fileList={file ? [{ uid: 'file', name: file.name, size: file.size, status: 'done' }] : []}
            beforeUpload={(chosen) => {
              choose(chosen);
              return false; // sent with the options below, not on choosing
            }}
            onRemove={() => choose(undefined)}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('procedureImport.drop')}</p>
            <p className="ant-upload-hint">{t('procedureImport.dropHint')}</p>
          </Upload.Dragger>
        </Form.Item>
        <Form.Item label={t('procedureImport.mode')}>
          <Radio.Group value={mode} onChange={(event) => setMode(event.target.value as ImportMode)}>
            <Space direction="vertical">
              <Radio value="all">
                <Typography.Text strong>{t('procedureImport.modeAll')}</Typography.Text>
                <Typography.Text type="secondary" style={{ display: 'block' }}>
                  {t('procedureImport.modeAllHint')}
                </Typography.Text>
              </Radio>
              <Radio value="valid-only">
                <Typography.Text strong>{t('procedureImport.modeValidOnly')}</Typography.Text>
                <Typography.Text type="secondary" style={{ display: 'block' }}>
                  {t('procedureImport.modeValidOnlyHint')}
                </Typography.Text>
              </Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item label={t('procedureImport.publish')} extra={t('procedureImport.publishHint')}>
          <Switch checked={publish} onChange={setPublish} aria-label={t('procedureImport.publish')} />
        </Form.Item>
        <Button
          type="primary"
          icon={<CloudUploadOutlined />}
          disabled={!file}
          loading={importer.isPending}
          onClick={() => file && importer.mutate({ file, mode, publish })}
          data-testid="import-submit"
        >
          {t('procedureImport.submit')}
        </Button>
      </Form>
      {importer.isPending && (
        <div style={{ maxWidth: 760, marginTop: 24 }} data-testid="import-progress">
          <Progress percent={percent} status="active" />
          <Typography.Text type="secondary">
            {percent < 100 ? t('procedureImport.uploading', { percent }) : t('procedureImport.checking')}
          </Typography.Text>
        </div>
      )}
      <div style={{ marginTop: 24 }} data-testid="import-result">
        {importer.data && <ImportSucceeded result={importer.data} />}
        {importer.isError && <ImportFailed error={importer.error} />}
      </div>
    </Card>
  );
}

function ImportSucceeded({ result }: { result: Schemas['ImportProceduresResponse'] }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16}>
      <Alert
        type={result.rejected.length ? 'warning' : 'success'}
        showIcon
        message={t('procedureImport.summary', { imported: result.imported, total: result.totalRows })}
        description={
          result.importedCodes.length > 0 && (
            <Space size={[4, 4]} wrap>
              {result.importedCodes.map((code) => (
                <Tag key={code}>{code}</Tag>
              ))}
            </Space>
          )
        }
      />
      {result.rejected.length > 0 && (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('procedureImport.skipped', { count: result.rejected.length })}
          </Typography.Title>
          <ImportRejectionsTable rejected={result.rejected} />
        </>
      )}
    </Flex>
  );
}

function ImportFailed({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const rejected = rejectedOf(error);
  if (rejected) {
    return (
      <Flex vertical gap={16}>
        <Alert
          type="error"
          showIcon
          message={t('procedureImport.nothingWritten')}
          description={t('procedureImport.nothingWrittenDetail', { count: rejected.length })}
          data-testid="import-nothing-written"
        />
        <ImportRejectionsTable rejected={rejected} />
      </Flex>
    );
  }
  const unsupported = isProblem(error) && error.status === 415;
  return (
    <Alert
      type="error"
      showIcon
      message={unsupported ? t('procedureImport.unsupported') : t('procedureImport.failed')}
      description={
        <>
          <div>{errorMessage(error)}</div>
          {isProblem(error) && error.status === 422 && <div>{t('procedureImport.nothingWritten')}</div>}
        </>
      }
    />
  );
}
