import type { Schemas } from '@motcua/api-client';
import { Alert, Checkbox, Flex, Form, InputNumber, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS, documentKindLabel, optionsOf } from '../labels';
import type { DocumentRow } from './intake-request';

type RequiredDocument = Schemas['RequiredDocumentDto'];

/**
 * The procedure's documents as a checklist: the official ticks what the citizen handed over, and
 * says as what (original, copy, electronic) and how many. Mandatory ones are marked; one left
 * unticked is pointed out before sending, and the API refuses the intake (422) if it still is.
 */
export function DocumentChecklist({ documents }: { documents: RequiredDocument[] }) {
  const { t } = useTranslation();
  const rows = Form.useWatch<DocumentRow[] | undefined>('documents');
  const missing = documents.filter((document, index) => document.mandatory && !rows?.[index]?.submitted);

  return (
    <div data-testid="intake-checklist">
      <Form.List name="documents">
        {(fields) =>
          fields.map((field) => {
            const document = documents[field.name];
            if (!document) return null;
            return (
              <Flex
                key={field.key}
                gap={12}
                align="start"
                wrap
                style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}
                data-testid={`intake-document-${field.name}`}
              >
                <div style={{ flex: '1 1 320px' }}>
                  <Form.Item name={[field.name, 'submitted']} valuePropName="checked" style={{ marginBottom: 0 }}>
                    <Checkbox>{document.name}</Checkbox>
                  </Form.Item>
                  <Flex gap={6} wrap style={{ marginInlineStart: 24 }}>
                    {document.mandatory ? (
                      <Tag color="red">{t('dossiers.intake.mandatory')}</Tag>
                    ) : (
                      <Tag>{t('dossiers.intake.optional')}</Tag>
                    )}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('dossiers.intake.expected', { originals: document.originals, copies: document.copies })}
                    </Typography.Text>
                  </Flex>
                  {document.note && (
                    <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '2px 0 0 24px' }}>
                      {document.note}
                    </Typography.Paragraph>
                  )}
                </div>
                <Form.Item name={[field.name, 'kind']} style={{ marginBottom: 0, width: 150 }}>
                  <Select
                    options={optionsOf(DOCUMENT_KINDS, documentKindLabel)}
                    aria-label={t('dossiers.intake.kindOf', { name: document.name })}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'count']} style={{ marginBottom: 0, width: 90 }}>
                  <InputNumber min={1} max={99} precision={0} aria-label={t('dossiers.intake.countOf', { name: document.name })} />
                </Form.Item>
              </Flex>
            );
          })
        }
      </Form.List>
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          message={t('dossiers.intake.mandatoryMissing', { count: missing.length })}
          data-testid="intake-missing-hint"
        />
      )}
    </div>
  );
}
