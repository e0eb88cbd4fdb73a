import type { Schemas } from '@motcua/api-client';
import { Card, Descriptions, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../app/format';
import { applicantTypeLabel, documentKindLabel } from '../labels';

type Applicant = Schemas['ApplicantView'];
type SubmittedDocument = Schemas['SubmittedDocumentDto'];

export function ApplicantCard({ applicant }: { applicant: Applicant }) {
  const { t } = useTranslation();
  const individual = applicant.type === 'INDIVIDUAL';
  return (
    <Card size="small" title={t('dossiers.detail.applicant')} data-testid="dossier-applicant">
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('dossiers.applicant.type')}>{applicantTypeLabel(applicant.type)}</Descriptions.Item>
        <Descriptions.Item label={individual ? t('dossiers.applicant.fullName') : t('dossiers.applicant.name')}>
          <Typography.Text strong>{individual ? applicant.fullName : applicant.name}</Typography.Text>
        </Descriptions.Item>
        {applicant.dateOfBirth && (
          <Descriptions.Item label={t('dossiers.applicant.dateOfBirth')}>{formatDate(applicant.dateOfBirth)}</Descriptions.Item>
        )}
        {applicant.sex && <Descriptions.Item label={t('dossiers.applicant.sex')}>{t(`dossiers.sexes.${applicant.sex}`)}</Descriptions.Item>}
        {applicant.identifiers.map((identifier, index) => (
          <Descriptions.Item key={`${identifier.type}-${index}`} label={t(`dossiers.identifierTypes.${identifier.type}`)}>
            <span style={{ whiteSpace: 'nowrap' }}>{identifier.value}</span>
          </Descriptions.Item>
        ))}
        {applicant.phone && <Descriptions.Item label={t('dossiers.applicant.phone')}>{applicant.phone}</Descriptions.Item>}
        {applicant.email && <Descriptions.Item label={t('dossiers.applicant.email')}>{applicant.email}</Descriptions.Item>}
        {applicant.address && (
          <Descriptions.Item label={t('dossiers.applicant.address')} span={2}>
            {applicant.address}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

export function DocumentsCard({ documents }: { documents: SubmittedDocument[] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('dossiers.detail.documents', { count: documents.length })} data-testid="dossier-documents">
      <List
        size="small"
        dataSource={documents}
        locale={{ emptyText: t('dossiers.detail.noDocuments') }}
        renderItem={(document) => (
          <List.Item>
            <Space wrap>
              <span>{document.name}</span>
              <Tag>{documentKindLabel(document.kind)}</Tag>
              <Typography.Text type="secondary">{t('dossiers.detail.copies', { count: document.count })}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
