import { ArrowLeftOutlined, AuditOutlined, EditOutlined, EyeInvisibleOutlined, EyeOutlined, UserDeleteOutlined } from '@ant-design/icons';
import { isProblem } from '@motcua/api-client';
import { DOSSIER_STATUSES, type DossierStatus } from '@motcua/domain';
import { Alert, Button, Card, Descriptions, Flex, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { $api, errorMessage } from '../../app/api';
import { useSession } from '../../app/auth/use-session';
import { formatDate, formatVietnamDateTime } from '../../app/format';
import { StatusTag } from '../dossiers/shared/dossier-tags';
import type { AccessLogLocationState } from './access-log-page';
import { ConsentsCard } from './consents-card';
import {
  accessLogOfParty,
  contactKindLabel,
  dossierPath,
  dossierRoleLabel,
  identifierTypeLabel,
  PARTIES_PATH,
  partyEditPath,
  partyPath,
  representativeRoleLabel,
  sexLabel,
  type Party,
  type RevealResult,
} from './labels';
import { PartyStatusTag, PartyTypeTag } from './party-tags';
import { PseudonymiseDialog } from './pseudonymise-dialog';
import { RevealDialog } from './reveal-dialog';

type Identifier = Party['identifiers'][number];
type Contact = Party['contacts'][number];
type Representative = Party['representatives'][number];
type PartyDossier = Party['dossiers'][number];

/** What the create or edit form passes on: the API's warnings (accepted but worth checking). */
export interface PartyLocationState {
  warnings?: string[];
}

function isDossierStatus(value: string): value is DossierStatus {
  return (DOSSIER_STATUSES as readonly string[]).includes(value);
}

function validity(from: string | null, to: string | null): string {
  if (!from && !to) return '—';
  return `${formatDate(from) || '…'} – ${formatDate(to) || '…'}`;
}

/** A value the API masked, or its revealed value highlighted so the official sees it is unmasked. */
function Sensitive({ masked, revealed, testId }: { masked: string; revealed: string | undefined; testId?: string }) {
  return revealed ? (
    <Typography.Text code strong type="danger" data-testid={testId} data-revealed="true">
      {revealed}
    </Typography.Text>
  ) : (
    <Typography.Text code data-testid={testId}>
      {masked}
    </Typography.Text>
  );
}

/** One party: masked identity data, a reveal with a stated purpose, contacts with their history, representatives, dossiers. */
export function PartyDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { can } = useSession();
  const warnings = (location.state as PartyLocationState | null)?.warnings ?? [];
  const query = $api.useQuery('get', '/api/parties/{id}', { params: { path: { id } } }, { meta: { silentErrors: true } });
  const [revealed, setRevealed] = useState<RevealResult>();
  const [dialog, setDialog] = useState<'reveal' | 'pseudonymise'>();

  // The unmasked values belong to this party only: forget them when another party opens.
  if (revealed && revealed.partyId !== id) setRevealed(undefined);

  if (query.isLoading) return <Skeleton active />;
  if (query.error || !query.data) {
    const notFound = isProblem(query.error) && query.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('parties.detail.notFound') : t('parties.detail.loadFailed')}
        subTitle={notFound ? undefined : errorMessage(query.error)}
        extra={<Button onClick={() => navigate(PARTIES_PATH)}>{t('parties.detail.backToList')}</Button>}
      />
    );
  }
  const party = query.data;
  const individual = party.type === 'INDIVIDUAL';
  const active = party.status === 'ACTIVE';
  const identifierValue = new Map(revealed?.identifiers.map((identifier) => [identifier.id, identifier.value]));
  const phoneValue = new Map(revealed?.phones.map((phone) => [phone.id, phone.value]));
  const currentPhone = revealed?.phones.find((phone) => !phone.validTo)?.value;

  const identifierColumns = [
    { title: t('parties.detail.identifierType'), key: 'type', render: (_: unknown, i: Identifier) => identifierTypeLabel(i.type) },
    {
      title: t('parties.detail.identifierValue'),
      key: 'value',
      render: (_: unknown, i: Identifier) => (
        <Sensitive masked={i.masked} revealed={identifierValue.get(i.id)} testId={`identifier-${i.type}`} />
      ),
    },
    { title: t('parties.detail.validity'), key: 'validity', render: (_: unknown, i: Identifier) => validity(i.validFrom, i.validTo) },
  ];

  const contactColumns = [
    { title: t('parties.detail.contactKind'), key: 'kind', render: (_: unknown, c: Contact) => contactKindLabel(c.kind) },
    {
      title: t('parties.detail.contactValue'),
      key: 'value',
      render: (_: unknown, c: Contact) => (c.kind === 'PHONE' ? <Sensitive masked={c.value} revealed={phoneValue.get(c.id)} /> : c.value),
    },
    { title: t('parties.detail.from'), key: 'from', render: (_: unknown, c: Contact) => formatVietnamDateTime(c.validFrom) },
    {
      title: t('parties.detail.to'),
      key: 'to',
      render: (_: unknown, c: Contact) =>
        c.validTo ? formatVietnamDateTime(c.validTo) : <Tag color="green">{t('parties.detail.current')}</Tag>,
    },
  ];

  const representativeColumns = (side: 'representative' | 'organization') => [
    {
      title: side === 'representative' ? t('parties.detail.representative') : t('parties.detail.organization'),
      key: 'name',
      render: (_: unknown, r: Representative) =>
        side === 'representative' ? (
          <Link to={partyPath(r.representativeId)}>{r.representativeName}</Link>
        ) : (
          <Link to={partyPath(r.organizationId)}>{r.organizationName}</Link>
        ),
    },
    { title: t('parties.detail.role'), key: 'role', render: (_: unknown, r: Representative) => representativeRoleLabel(r.role) },
    { title: t('parties.detail.validity'), key: 'validity', render: (_: unknown, r: Representative) => validity(r.validFrom, r.validTo) },
  ];

  const dossierColumns = [
    {
      title: t('parties.detail.dossierCode'),
      key: 'code',
      render: (_: unknown, d: PartyDossier) => (
        <Link to={dossierPath(d.code)} style={{ whiteSpace: 'nowrap', fontWeight: 500 }}>
          {d.code}
        </Link>
      ),
    },
    {
      title: t('parties.detail.procedure'),
      key: 'procedure',
      render: (_: unknown, d: PartyDossier) => (
        <div style={{ minWidth: 220, maxWidth: 360 }}>
          <div>{d.procedureName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {d.procedureCode}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('parties.detail.dossierRole'), key: 'role', render: (_: unknown, d: PartyDossier) => dossierRoleLabel(d.role) },
    {
      title: t('parties.detail.dossierStatus'),
      key: 'status',
      render: (_: unknown, d: PartyDossier) => (isDossierStatus(d.status) ? <StatusTag status={d.status} /> : <Tag>{d.status}</Tag>),
    },
    {
      title: t('parties.detail.agencies'),
      key: 'agencies',
      render: (_: unknown, d: PartyDossier) => (
        <div style={{ maxWidth: 280 }}>
          <div>{d.receivingAgencyName}</div>
          {d.competentAgencyId !== d.receivingAgencyId && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {d.competentAgencyName}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: t('parties.detail.submittedAt'),
      key: 'submittedAt',
      render: (_: unknown, d: PartyDossier) => <span style={{ whiteSpace: 'nowrap' }}>{formatVietnamDateTime(d.submittedAt)}</span>,
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="party-detail">
      <Card
        title={
          <Flex align="center" gap={8} wrap>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              onClick={() => navigate(PARTIES_PATH)}
              aria-label={t('parties.detail.backToList')}
            />
            <span data-testid="party-name">{party.displayName}</span>
            <PartyTypeTag type={party.type} />
            <PartyStatusTag status={party.status} />
          </Flex>
        }
        extra={
          <Space wrap>
            {can('parties:reveal') &&
              active &&
              (revealed ? (
                <Button icon={<EyeInvisibleOutlined />} onClick={() => setRevealed(undefined)} data-testid="party-hide">
                  {t('parties.reveal.hide')}
                </Button>
              ) : (
                <Button danger icon={<EyeOutlined />} onClick={() => setDialog('reveal')} data-testid="party-reveal">
                  {t('parties.reveal.button')}
                </Button>
              ))}
            {can('parties:manage') && active && (
              <Button icon={<EditOutlined />} onClick={() => navigate(partyEditPath(party.id))} data-testid="party-edit">
                {t('common.edit')}
              </Button>
            )}
            {can('audit:read') && (
              <Button
                icon={<AuditOutlined />}
                onClick={() =>
                  navigate(accessLogOfParty(party.id), { state: { partyName: party.displayName } satisfies AccessLogLocationState })
                }
                data-testid="party-access-log"
              >
                {t('parties.detail.accessLog')}
              </Button>
            )}
            {can('parties:administer') && active && (
              <Button danger type="text" icon={<UserDeleteOutlined />} onClick={() => setDialog('pseudonymise')}>
                {t('parties.pseudonymise.button')}
              </Button>
            )}
          </Space>
        }
      >
        {warnings.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('parties.detail.warnings')}
            description={warnings.map((warning) => (
              <div key={warning}>{warning}</div>
            ))}
            data-testid="party-warnings"
          />
        )}
        {party.status === 'MERGED' && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('parties.detail.merged')}
            action={party.mergedIntoId && <Link to={partyPath(party.mergedIntoId)}>{t('parties.detail.openSurvivor')}</Link>}
          />
        )}
        {party.status === 'PSEUDONYMISED' && (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('parties.detail.pseudonymised')} />
        )}
        {revealed && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('parties.reveal.shown')}
            data-testid="party-revealed-notice"
          />
        )}
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label={individual ? t('parties.fields.fullName') : t('parties.fields.name')}>
            {party.displayName}
          </Descriptions.Item>
          {individual && (
            <>
              <Descriptions.Item label={t('parties.fields.dateOfBirth')}>{formatDate(party.dateOfBirth) || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('parties.fields.sex')}>{party.sex ? sexLabel(party.sex) : '—'}</Descriptions.Item>
            </>
          )}
          <Descriptions.Item label={t('parties.fields.phone')}>
            {party.phone ? <Sensitive masked={party.phone} revealed={currentPhone} testId="party-phone" /> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('parties.fields.email')}>{party.email || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('parties.fields.address')}>{party.address?.text || '—'}</Descriptions.Item>
          <Descriptions.Item label={individual ? t('parties.fields.permanentAddress') : t('parties.fields.headOffice')}>
            {party.permanentAddress?.text || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('parties.detail.createdAt')}>{formatVietnamDateTime(party.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('parties.detail.updatedAt')}>{formatVietnamDateTime(party.updatedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>

      <Card size="small" title={t('parties.detail.identifiers')}>
        <Table<Identifier>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={party.identifiers}
          columns={identifierColumns}
          locale={{ emptyText: t('parties.detail.noIdentifiers') }}
          data-testid="party-identifiers"
        />
      </Card>

      {!individual && (
        <Card size="small" title={t('parties.detail.representatives')}>
          <Table<Representative>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={party.representatives}
            columns={representativeColumns('representative')}
            locale={{ emptyText: t('parties.detail.noRepresentatives') }}
            data-testid="party-representatives"
          />
        </Card>
      )}
      {individual && party.represents.length > 0 && (
        <Card size="small" title={t('parties.detail.represents')}>
          <Table<Representative>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={party.represents}
            columns={representativeColumns('organization')}
          />
        </Card>
      )}

      <Card size="small" title={t('parties.detail.contacts')}>
        <Table<Contact>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={party.contacts}
          columns={contactColumns}
          locale={{ emptyText: t('parties.detail.noContacts') }}
          data-testid="party-contacts"
        />
      </Card>

      <ConsentsCard party={party} editable={can('parties:manage') && active} />

      <Card size="small" title={t('parties.detail.dossiers', { count: party.dossiers.length })}>
        <Table<PartyDossier>
          rowKey={(d) => `${d.dossierId}-${d.role}`}
          size="small"
          pagination={party.dossiers.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          dataSource={party.dossiers}
          columns={dossierColumns}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('parties.detail.noDossiers') }}
          data-testid="party-dossiers"
        />
      </Card>

      {dialog === 'reveal' && (
        <RevealDialog partyId={party.id} partyName={party.displayName} onRevealed={setRevealed} onClose={() => setDialog(undefined)} />
      )}
      {dialog === 'pseudonymise' && (
        <PseudonymiseDialog partyId={party.id} partyName={party.displayName} onClose={() => setDialog(undefined)} />
      )}
    </Flex>
  );
}
