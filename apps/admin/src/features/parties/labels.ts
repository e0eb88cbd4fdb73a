import type { Schemas } from '@motcua/api-client';
import type { IdentifierType } from '@motcua/domain';
import { i18n } from '../../i18n/i18n';

export type Party = Schemas['PartyResponse'];
export type PartySummary = Schemas['PartySummary'];
export type PartyType = Schemas['PartyType'];
export type PartyStatus = Schemas['PartyStatus'];
export type Sex = Schemas['Sex'];
export type RepresentativeRole = Schemas['RepresentativeRole'];
export type DossierPartyRole = Schemas['DossierPartyRole'];
export type ContactKind = Schemas['ContactKind'];
export type ConsentPurpose = Schemas['ConsentPurpose'];
export type ConsentChannel = Schemas['ConsentChannel'];
export type AccessAction = Schemas['PartyAccessAction'];
export type AccessLogEntry = Schemas['AccessLogEntry'];
export type DuplicateReason = Schemas['DuplicateReason'];
export type DuplicateGroup = Schemas['DuplicateGroup'];
export type RevealResult = Schemas['RevealResponse'];

export const PARTY_TYPES: readonly PartyType[] = ['INDIVIDUAL', 'ORGANIZATION', 'ENTERPRISE'];
export const PARTY_STATUSES: readonly PartyStatus[] = ['ACTIVE', 'MERGED', 'PSEUDONYMISED'];
export const SEXES: readonly Sex[] = ['MALE', 'FEMALE'];
export const REPRESENTATIVE_ROLES: readonly RepresentativeRole[] = ['LEGAL_REPRESENTATIVE', 'AUTHORISED_REPRESENTATIVE', 'OTHER'];
export const CONSENT_PURPOSES: readonly ConsentPurpose[] = ['SURVEY', 'NOTICE'];
export const CONSENT_CHANNELS: readonly ConsentChannel[] = ['PHONE', 'SMS', 'EMAIL', 'POST'];
export const ACCESS_ACTIONS: readonly AccessAction[] = ['READ', 'REVEAL', 'EXPORT', 'PRINT', 'PSEUDONYMISE', 'MERGE'];
export const DUPLICATE_REASONS: readonly DuplicateReason[] = ['NAME_AND_BIRTH_DATE', 'PHONE'];

/** Identifiers a party of each kind may hold (the API refuses a CCCD on an organisation, an agency code on a person). */
export const IDENTIFIER_TYPES_BY_PARTY: Readonly<Record<PartyType, readonly IdentifierType[]>> = {
  INDIVIDUAL: ['CCCD', 'CMND', 'PASSPORT', 'TAX_CODE'],
  ORGANIZATION: ['TAX_CODE', 'AGENCY_CODE'],
  ENTERPRISE: ['TAX_CODE'],
};

export function defaultIdentifierType(type: PartyType): IdentifierType {
  return IDENTIFIER_TYPES_BY_PARTY[type][0];
}

export const STATUS_COLORS: Readonly<Record<PartyStatus, string>> = { ACTIVE: 'green', MERGED: 'default', PSEUDONYMISED: 'purple' };
export const ACTION_COLORS: Readonly<Record<AccessAction, string>> = {
  READ: 'default',
  REVEAL: 'red',
  EXPORT: 'orange',
  PRINT: 'gold',
  PSEUDONYMISE: 'purple',
  MERGE: 'blue',
};

export const partyTypeLabel = (type: PartyType) => i18n.t(`parties.types.${type}`);
export const partyStatusLabel = (status: PartyStatus) => i18n.t(`parties.statuses.${status}`);
export const sexLabel = (sex: Sex) => i18n.t(`parties.sexes.${sex}`);
export const identifierTypeLabel = (type: IdentifierType) => i18n.t(`parties.identifierTypes.${type}`);
export const representativeRoleLabel = (role: RepresentativeRole) => i18n.t(`parties.representativeRoles.${role}`);
export const dossierRoleLabel = (role: DossierPartyRole) => i18n.t(`parties.dossierRoles.${role}`);
export const contactKindLabel = (kind: ContactKind) => i18n.t(`parties.contactKinds.${kind}`);
export const consentPurposeLabel = (purpose: ConsentPurpose) => i18n.t(`parties.consentPurposes.${purpose}`);
export const consentChannelLabel = (channel: ConsentChannel) => i18n.t(`parties.consentChannels.${channel}`);
export const accessActionLabel = (action: AccessAction) => i18n.t(`parties.accessActions.${action}`);
export const duplicateReasonLabel = (reason: DuplicateReason) => i18n.t(`parties.duplicateReasons.${reason}`);

/** A field name of the access log (`identifiers`, `phone.masked`…) in words; unknown names as written. */
export function accessFieldLabel(field: string): string {
  const key = `parties.accessFields.${field.replace(/\./g, '_')}`;
  return i18n.exists(key) ? i18n.t(key) : field;
}

/** A role code of the access log in words (`RECEPTION` → Tiếp nhận). */
export function roleLabel(role: string): string {
  return i18n.exists(`roles.${role}`) ? i18n.t(`roles.${role}`) : role;
}

export function optionsOf<T extends string>(values: readonly T[], label: (value: T) => string) {
  return values.map((value) => ({ value, label: label(value) }));
}

export const PARTIES_PATH = '/cong-dan';
export const partyPath = (id: string) => `${PARTIES_PATH}/${id}`;
export const partyEditPath = (id: string) => `${PARTIES_PATH}/${id}/sua`;
export const NEW_PARTY_PATH = `${PARTIES_PATH}/moi`;
export const DUPLICATES_PATH = `${PARTIES_PATH}/trung-lap`;
export const ACCESS_LOG_PATH = `${PARTIES_PATH}/nhat-ky-truy-cap`;
export const accessLogOfParty = (id: string) => `${ACCESS_LOG_PATH}?partyId=${id}`;
export const dossierPath = (code: string) => `/ho-so/${encodeURIComponent(code)}`;
