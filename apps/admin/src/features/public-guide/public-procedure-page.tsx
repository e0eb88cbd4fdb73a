import { CheckSquareOutlined, LeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { isProblem, type Schemas } from '@motcua/api-client';
import { Button, Card, Descriptions, Flex, List, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { $api, errorMessage } from '../../app/api';
import { formatVnd, vietnamNow } from '../../app/format';
import { durationLabel, procedureLevelLabel, REGIME_COLORS, regimeLabel } from '../procedures/labels';
import { submissionPlace } from './where-to-submit';

type Procedure = Schemas['ProcedureResponse'];
type RequiredDocument = Schemas['RequiredDocumentDto'];

/** "1 bản chính, 2 bản sao" — what to bring of one document. */
function copiesLabel(document: RequiredDocument, t: (key: string, options?: Record<string, unknown>) => string): string {
  const parts = [];
  if (document.originals) parts.push(t('publicGuide.originals', { count: document.originals }));
  if (document.copies) parts.push(t('publicGuide.copies', { count: document.copies }));
  return parts.join(', ') || t('publicGuide.noCopies');
}

/** /thu-tuc-cong-khai/:code — what to bring, what it costs, how long it takes, where to go; printable. */
export function PublicProcedurePage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const query = $api.useQuery('get', '/api/public/procedures/{code}', { params: { path: { code } } }, { meta: { silentErrors: true } });

  if (query.isLoading) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (!query.data) {
    const notFound = isProblem(query.error) && query.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('publicGuide.notFound') : t('errors.generic')}
        subTitle={notFound ? undefined : errorMessage(query.error)}
        extra={<Link to="/thu-tuc-cong-khai">{t('publicGuide.backToList')}</Link>}
      />
    );
  }
  // Back to the results searched before; a link opened directly goes to the start of the guide.
  const back = () => (location.key === 'default' ? navigate('/thu-tuc-cong-khai') : navigate(-1));
  return <ProcedureGuide procedure={query.data} onBack={back} />;
}

function ProcedureGuide({ procedure, onBack }: { procedure: Procedure; onBack: () => void }) {
  const { t } = useTranslation();
  const place = submissionPlace(procedure);
  const printedAt = vietnamNow().format('DD/MM/YYYY HH:mm');
  const feeTotal = procedure.fees.reduce((sum, fee) => sum + fee.amount, 0);

  return (
    <Flex vertical gap={16} className="public-procedure" data-testid="public-procedure">
      <Flex justify="space-between" align="center" wrap gap={8} className="no-print">
        <Button type="link" icon={<LeftOutlined />} onClick={onBack} style={{ paddingInline: 0 }}>
          {t('publicGuide.backToList')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="public-print">
          {t('publicGuide.print')}
        </Button>
      </Flex>
      <div className="print-only">
        <Typography.Text strong>{t('publicGuide.printHeading')}</Typography.Text>
      </div>
      <div>
        <Typography.Title level={2} style={{ marginBottom: 8 }}>
          {procedure.name}
        </Typography.Title>
        <Space wrap size={[6, 6]}>
          <Typography.Text type="secondary">{t('publicGuide.codeLabel', { code: procedure.code })}</Typography.Text>
          <Tag>{procedure.field}</Tag>
          <Tag color="geekblue">{procedureLevelLabel(procedure.level)}</Tag>
          <Tag color={REGIME_COLORS[procedure.onlineRegime]}>{regimeLabel(procedure.onlineRegime)}</Tag>
        </Space>
      </div>

      <Card size="small" title={t('publicGuide.essentials')}>
        <Descriptions column={1} size="small" styles={{ label: { width: 200 } }} className="public-descriptions">
          <Descriptions.Item label={t('publicGuide.competentAgency')}>
            {procedure.competentAgencyName ?? t('publicGuide.localCompetent')}
          </Descriptions.Item>
          <Descriptions.Item label={t('publicGuide.whereToSubmit')}>
            <div data-testid="public-where">
              <Typography.Text strong>{place.main}</Typography.Text>
              {place.alternatives.map((alternative) => (
                <div key={alternative}>
                  <Typography.Text type="secondary">{alternative}</Typography.Text>
                </div>
              ))}
            </div>
          </Descriptions.Item>
          <Descriptions.Item label={t('publicGuide.processingTime')}>
            {durationLabel(procedure.processingAmount, procedure.processingUnit)}
          </Descriptions.Item>
          <Descriptions.Item label={t('publicGuide.fees')}>{feeTotal ? formatVnd(feeTotal) : t('fees.free')}</Descriptions.Item>
          <Descriptions.Item label={t('publicGuide.online')}>
            <span data-testid="public-online-status">{t(`publicGuide.onlineStatus.${procedure.onlineRegime}`)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('publicGuide.result')}>
            {[
              procedure.paperResultRequired ? t('publicGuide.paperResult') : undefined,
              procedure.electronicResultAllowed ? t('publicGuide.electronicResult') : undefined,
            ]
              .filter(Boolean)
              .join('; ') || '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card size="small" title={t('publicGuide.documentsTitle', { count: procedure.documents.length })} className="public-checklist">
        <List<RequiredDocument>
          dataSource={procedure.documents}
          locale={{ emptyText: t('documents.empty') }}
          renderItem={(document, index) => (
            <List.Item>
              <Flex gap={12} align="start" style={{ width: '100%' }}>
                <span className="checkbox-square print-only" aria-hidden />
                <CheckSquareOutlined className="no-print" style={{ color: '#b71c1c', marginTop: 4 }} />
                <Flex vertical style={{ flex: 1 }}>
                  <Typography.Text>
                    {index + 1}. {document.name}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {copiesLabel(document, t)}
                    {' · '}
                    {document.mandatory ? t('documents.required') : t('documents.optionalWhenApplicable')}
                  </Typography.Text>
                  {document.note && (
                    <Typography.Text type="secondary" italic style={{ fontSize: 13 }}>
                      {document.note}
                    </Typography.Text>
                  )}
                </Flex>
              </Flex>
            </List.Item>
          )}
        />
      </Card>

      <Card size="small" title={t('publicGuide.feesTitle')}>
        {procedure.fees.length === 0 ? (
          <Typography.Text>{t('fees.free')}</Typography.Text>
        ) : (
          <List
            dataSource={procedure.fees}
            renderItem={(fee) => (
              <List.Item>
                <Flex justify="space-between" gap={12} wrap style={{ width: '100%' }}>
                  <Flex vertical style={{ flex: '1 1 240px' }}>
                    <Typography.Text>{fee.name}</Typography.Text>
                    {fee.note && (
                      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                        {fee.note}
                      </Typography.Text>
                    )}
                  </Flex>
                  <Typography.Text strong>{fee.amount ? formatVnd(fee.amount) : t('fees.free')}</Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Card>

      {procedure.legalBasis && (
        <Card size="small" title={t('procedures.legalBasis')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{procedure.legalBasis}</Typography.Paragraph>
        </Card>
      )}
      <Typography.Text type="secondary" className="print-only" style={{ fontSize: 12 }}>
        {t('publicGuide.printedAt', { date: printedAt })}
      </Typography.Text>
    </Flex>
  );
}
