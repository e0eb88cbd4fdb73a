import type { Schemas } from '@motcua/api-client';
import { isProblem } from '@motcua/api-client';
import { cccdWarnings, checkIdentifier, type IdentifierType } from '@motcua/domain';
import dayjs, { type Dayjs } from 'dayjs';
import type { ConsentChannel, ConsentPurpose, Party, PartyType, RepresentativeRole, Sex } from './labels';
import { defaultIdentifierType } from './labels';

type CreateBody = Schemas['CreatePartyRequest'];
type UpdateBody = Schemas['UpdatePartyRequest'];

export type Period = [Dayjs | null, Dayjs | null] | null;

export interface IdentifierRow {
  type: IdentifierType;
  value?: string;
  validity?: Period;
}

export interface RepresentativeRow {
  partyId?: string;
  role?: RepresentativeRole;
  validity?: Period;
}

export interface PartyFormValues {
  type: PartyType;
  fullName?: string;
  name?: string;
  dateOfBirth?: Dayjs | null;
  sex?: Sex | null;
  /** New identifiers (all of them on create, the additions on edit). */
  identifiers?: IdentifierRow[];
  /** Edit: identifiers held now that the official removes (a correction). */
  removeIdentifierIds?: string[];
  /** Create: the phone; edit: a new phone (blank keeps the current one, which stays masked). */
  phone?: string;
  email?: string;
  address?: string;
  permanentAddress?: string;
  representatives?: RepresentativeRow[];
  consentPurposes?: ConsentPurpose[];
  consentChannel?: ConsentChannel;
}

/** Form fields the API may name in `errors[].field` (after `mapApiError`). */
export const FORM_FIELDS = [
  'type',
  'fullName',
  'name',
  'dateOfBirth',
  'sex',
  'identifiers',
  'removeIdentifierIds',
  'phone',
  'email',
  'address',
  'permanentAddress',
  'representatives',
  'consents',
] as const;

/** Mobile or landline, as the intake accepts it: 0 or +84 and 9–10 digits. */
export const PHONE = /^(\+84|0)\d{9,10}$/;

const date = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : undefined);
const text = (value: string | undefined) => value?.trim() || undefined;

/** Local date in Vietnam: a birth date after it is refused. */
export function isFutureDate(value: Dayjs, now = new Date()): boolean {
  return value.format('YYYY-MM-DD') > new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** The inline check of one identifier with the validators the API uses (libs/domain); the message is Vietnamese. */
export function identifierProblem(type: IdentifierType | undefined, value: string | undefined): string | undefined {
  if (!type || !value?.trim()) return undefined;
  const check = checkIdentifier(type, value);
  return check.valid ? undefined : check.message;
}

/** CCCD digits that disagree with the birth year or sex: a warning to weigh, never a refusal. */
export function formCccdWarnings(values: Partial<PartyFormValues> | undefined): string[] {
  if (!values || values.type !== 'INDIVIDUAL') return [];
  return (values.identifiers ?? [])
    .filter((row) => row?.type === 'CCCD' && row.value && checkIdentifier('CCCD', row.value).valid)
    .flatMap((row) => cccdWarnings(row.value ?? '', date(values.dateOfBirth), values.sex ?? undefined));
}

function identifierInputs(rows: readonly IdentifierRow[] | undefined) {
  return (rows ?? [])
    .filter((row) => row.value?.trim())
    .map((row) => ({
      type: row.type,
      value: checkIdentifier(row.type, row.value ?? '').normalized,
      validFrom: date(row.validity?.[0]),
      validTo: date(row.validity?.[1]),
    }));
}

function representativeInputs(rows: readonly RepresentativeRow[] | undefined) {
  return (rows ?? [])
    .filter((row): row is RepresentativeRow & { partyId: string; role: RepresentativeRole } => Boolean(row.partyId && row.role))
    .map((row) => ({ partyId: row.partyId, role: row.role, validFrom: date(row.validity?.[0]), validTo: date(row.validity?.[1]) }));
}

export function initialCreateValues(): PartyFormValues {
  return {
    type: 'INDIVIDUAL',
    identifiers: [{ type: 'CCCD', value: '' }],
    representatives: [],
    consentPurposes: [],
    consentChannel: 'SMS',
  };
}

export function createBody(values: PartyFormValues): CreateBody {
  const individual = values.type === 'INDIVIDUAL';
  const address = text(values.address);
  const permanentAddress = text(values.permanentAddress);
  return {
    type: values.type,
    ...(individual
      ? { fullName: values.fullName?.trim(), dateOfBirth: date(values.dateOfBirth), sex: values.sex ?? undefined }
      : { name: values.name?.trim(), representatives: representativeInputs(values.representatives) }),
    identifiers: identifierInputs(values.identifiers),
    phone: text(values.phone),
    email: text(values.email),
    address: address ? { text: address } : undefined,
    permanentAddress: permanentAddress ? { text: permanentAddress } : undefined,
    consents: values.consentChannel
      ? (values.consentPurposes ?? []).map((purpose) => ({ purpose, channel: values.consentChannel as ConsentChannel }))
      : [],
  };
}

export function initialEditValues(party: Party): PartyFormValues {
  const day = (value: string | null) => (value ? dayjs(value) : null);
  return {
    type: party.type,
    fullName: party.type === 'INDIVIDUAL' ? (party.fullName ?? party.displayName) : undefined,
    name: party.type === 'INDIVIDUAL' ? undefined : (party.name ?? party.displayName),
    dateOfBirth: day(party.dateOfBirth),
    sex: party.sex,
    identifiers: [],
    removeIdentifierIds: [],
    phone: '',
    email: party.email ?? '',
    address: party.address?.text ?? '',
    permanentAddress: party.permanentAddress?.text ?? '',
    representatives: party.representatives.map((r) => ({
      partyId: r.representativeId,
      role: r.role,
      validity: r.validFrom || r.validTo ? [day(r.validFrom), day(r.validTo)] : null,
    })),
  };
}

/** The correction as a PATCH: core fields always, contacts only when they changed (the phone only when a new one is typed). */
export function updateBody(party: Party, values: PartyFormValues): UpdateBody {
  const individual = party.type === 'INDIVIDUAL';
  const body: UpdateBody = { version: party.version };
  if (individual) {
    body.fullName = values.fullName?.trim();
    body.dateOfBirth = date(values.dateOfBirth) ?? null;
    body.sex = values.sex ?? null;
  } else {
    body.name = values.name?.trim();
    body.representatives = representativeInputs(values.representatives);
  }
  const added = identifierInputs(values.identifiers);
  if (added.length) body.addIdentifiers = added;
  if (values.removeIdentifierIds?.length) body.removeIdentifierIds = values.removeIdentifierIds;
  const phone = text(values.phone);
  if (phone) body.phone = phone;
  const email = text(values.email) ?? null;
  if (email !== (party.email ?? null)) body.email = email;
  const address = text(values.address) ?? null;
  if (address !== (party.address?.text ?? null)) body.address = address ? { text: address } : null;
  const permanentAddress = text(values.permanentAddress) ?? null;
  if (permanentAddress !== (party.permanentAddress?.text ?? null))
    body.permanentAddress = permanentAddress ? { text: permanentAddress } : null;
  return body;
}

/** The API's field paths in the form's terms: additions are the `identifiers` list, addresses are one text field. */
export function mapApiError(error: unknown): unknown {
  if (!isProblem(error) || !error.errors?.length) return error;
  return {
    ...error,
    errors: error.errors.map((fieldError) => ({
      ...fieldError,
      field: fieldError.field
        .replace(/^addIdentifiers\./, 'identifiers.')
        .replace(/^(address|permanentAddress)\.text$/, '$1')
        .replace(/^identifiers\.(\d+)$/, 'identifiers.$1.value'),
    })),
  };
}

export { defaultIdentifierType };
