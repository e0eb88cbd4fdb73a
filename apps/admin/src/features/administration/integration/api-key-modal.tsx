import { Alert, Button, Descriptions, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export interface IssuedKey {
  clientName: string;
  apiKey: string;
}

/**
 * The one time an API key is visible: the API keeps only its hash. Closing is deliberate (no
 * click outside, no Esc) so the administrator does not lose the key by accident.
 */
export function ApiKeyModal({ issued, onClose }: { issued: IssuedKey | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={Boolean(issued)}
      title={t('clients.keyTitle')}
      closable={false}
      maskClosable={false}
      keyboard={false}
      width={600}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose} data-testid="api-key-close">
          {t('clients.keySaved')}
        </Button>
      }
    >
      {issued && (
        <>
          <Alert
            type="warning"
            showIcon
            message={t('clients.keyOnceTitle')}
            description={t('clients.keyOnceDescription')}
            style={{ marginBottom: 16 }}
          />
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[{ key: 'client', label: t('clients.name'), children: issued.clientName }]}
          />
          <Typography.Paragraph
            copyable={{ text: issued.apiKey, tooltips: [t('clients.copy'), t('clients.copied')] }}
            style={{
              marginTop: 16,
              padding: '12px 16px',
              fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
              fontSize: 15,
              wordBreak: 'break-all',
              background: '#fafafa',
              border: '1px solid #d9d9d9',
              borderRadius: 6,
            }}
            data-testid="api-key"
          >
            {issued.apiKey}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{t('clients.keyUsage')}</Typography.Text>
        </>
      )}
    </Modal>
  );
}
