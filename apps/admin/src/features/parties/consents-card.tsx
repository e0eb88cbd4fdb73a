import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Popconfirm, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVietnamDateTime } from '../../app/format';
import {
  CONSENT_CHANNELS,
  CONSENT_PURPOSES,
  consentChannelLabel,
  consentPurposeLabel,
  optionsOf,
  type ConsentChannel,
  type ConsentPurpose,
  type Party,
} from './labels';
import { useRecordConsent, useWithdrawConsent } from './use-party-mutations';

type Consent = Party['consents'][number];

/** Consents to be contacted (surveys, notices), each with its channel and dates; officials record and withdraw them. */
export function ConsentsCard({ party, editable }: { party: Party; editable: boolean }) {
  const { t } = useTranslation();
  const record = useRecordConsent();
  const withdraw = useWithdrawConsent();
  const [purpose, setPurpose] = useState<ConsentPurpose>('SURVEY');
  const [channel, setChannel] = useState<ConsentChannel>('SMS');

  return (
    <Card
      size="small"
      title={t('parties.consents.title')}
      extra={
        editable && (
          <Flex gap={8}>
            <Select<ConsentPurpose>
              size="small"
              value={purpose}
              onChange={setPurpose}
              options={optionsOf(CONSENT_PURPOSES, consentPurposeLabel)}
              aria-label={t('parties.consents.purpose')}
              style={{ width: 230 }}
            />
            <Select<ConsentChannel>
              size="small"
              value={channel}
              onChange={setChannel}
              options={optionsOf(CONSENT_CHANNELS, consentChannelLabel)}
              aria-label={t('parties.consents.channel')}
              style={{ width: 140 }}
            />
            <Button
              size="small"
              icon={<PlusOutlined />}
              loading={record.isPending}
              onClick={() => record.mutate({ params: { path: { id: party.id } }, body: { purpose, channel } })}
            >
              {t('parties.consents.record')}
            </Button>
          </Flex>
        )
      }
    >
      <Table<Consent>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={party.consents}
        locale={{ emptyText: t('parties.consents.none') }}
        columns={[
          { title: t('parties.consents.purpose'), key: 'purpose', render: (_: unknown, c) => consentPurposeLabel(c.purpose) },
          { title: t('parties.consents.channel'), key: 'channel', render: (_: unknown, c) => consentChannelLabel(c.channel) },
          { title: t('parties.consents.givenAt'), key: 'givenAt', render: (_: unknown, c) => formatVietnamDateTime(c.givenAt) },
          {
            title: t('parties.consents.state'),
            key: 'state',
            render: (_: unknown, c) =>
              c.withdrawnAt ? (
                <Tag>{t('parties.consents.withdrawnAt', { at: formatVietnamDateTime(c.withdrawnAt) })}</Tag>
              ) : (
                <Flex gap={8} align="center">
                  <Tag color="green">{t('parties.consents.inForce')}</Tag>
                  {editable && (
                    <Popconfirm
                      title={t('parties.consents.withdrawConfirm')}
                      onConfirm={() => withdraw.mutate({ params: { path: { id: party.id, consentId: c.id } } })}
                    >
                      <Button size="small" type="link">
                        {t('parties.consents.withdraw')}
                      </Button>
                    </Popconfirm>
                  )}
                </Flex>
              ),
          },
        ]}
      />
    </Card>
  );
}
