import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Result, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatVietnamDateTime } from '../../../app/format';
import { dossierPath, statusLabel, type Dossier } from '../labels';
import { usePrintForm } from '../shared/use-print-form';

/** After the intake: the code and lookup secret to give the citizen, any warning, and the receipt to print. */
export function IntakeResult({ dossier, onNext }: { dossier: Dossier; onNext: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { print, pendingForm } = usePrintForm();
  const hasReceipt = dossier.timeline.some((event) => event.form === '01');
  return (
    <Card data-testid="intake-result">
      <Result
        status="success"
        title={t('dossiers.intake.doneTitle')}
        subTitle={dossier.procedureName}
        extra={
          <Space wrap>
            {hasReceipt && (
              <Button
                type="primary"
                icon={<PrinterOutlined />}
                loading={pendingForm === '01'}
                onClick={() => print({ code: dossier.code, form: '01' })}
                data-testid="intake-print-receipt"
              >
                {t('dossiers.intake.printReceipt')}
              </Button>
            )}
            <Button onClick={() => navigate(dossierPath(dossier.code))} data-testid="intake-open-dossier">
              {t('dossiers.intake.openDossier')}
            </Button>
            <Button onClick={onNext} data-testid="intake-next">
              {t('dossiers.intake.next')}
            </Button>
          </Space>
        }
      >
        <Descriptions column={1} size="middle" bordered style={{ maxWidth: 640, margin: '0 auto' }}>
          <Descriptions.Item label={t('dossiers.intake.code')}>
            <Typography.Text strong copyable style={{ fontSize: 18 }} data-testid="intake-code">
              {dossier.code}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('dossiers.detail.lookupSecret')}>
            <Typography.Text code copyable style={{ fontSize: 16 }} data-testid="intake-secret">
              {dossier.lookupSecret}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('dossiers.detail.status')}>{statusLabel(dossier.status)}</Descriptions.Item>
          {dossier.dueAt && (
            <Descriptions.Item label={t('dossiers.intake.appointment')}>{formatVietnamDateTime(dossier.dueAt)}</Descriptions.Item>
          )}
        </Descriptions>
        {dossier.warnings.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ maxWidth: 640, margin: '16px auto 0' }}
            message={t('dossiers.intake.warnings')}
            description={dossier.warnings.map((warning) => (
              <div key={warning}>{warning}</div>
            ))}
            data-testid="intake-warnings"
          />
        )}
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 16, marginBottom: 0 }}>
          {t('dossiers.intake.lookupHint')}
        </Typography.Paragraph>
      </Result>
    </Card>
  );
}
