import type { IdentifierType } from '@motcua/domain';
import { Space, Tag, Typography } from 'antd';
import { identifierTypeLabel, partyStatusLabel, partyTypeLabel, STATUS_COLORS, type PartyStatus, type PartyType } from './labels';

const TYPE_COLORS: Readonly<Record<PartyType, string>> = { INDIVIDUAL: 'blue', ORGANIZATION: 'geekblue', ENTERPRISE: 'cyan' };

export function PartyTypeTag({ type }: { type: PartyType }) {
  return <Tag color={TYPE_COLORS[type]}>{partyTypeLabel(type)}</Tag>;
}

export function PartyStatusTag({ status }: { status: PartyStatus }) {
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="party-status">
      {partyStatusLabel(status)}
    </Tag>
  );
}

/** "Căn cước/CCCD 089******234" lines, masked as the API sent them. */
export function IdentifierLines({ identifiers }: { identifiers: ReadonlyArray<{ id: string; type: IdentifierType; masked: string }> }) {
  if (!identifiers.length) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space direction="vertical" size={0}>
      {identifiers.map((identifier) => (
        <span key={identifier.id} style={{ whiteSpace: 'nowrap' }}>
          <Typography.Text type="secondary">{identifierTypeLabel(identifier.type)}: </Typography.Text>
          <Typography.Text code>{identifier.masked}</Typography.Text>
        </span>
      ))}
    </Space>
  );
}
