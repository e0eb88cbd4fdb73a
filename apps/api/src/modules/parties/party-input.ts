import { cccdWarnings, checkIdentifier, foldVietnamese, maskIdentifier, maskPhone, type IdentifierType } from '@motcua/domain';
import type { FieldError } from '../../common/problem/problem';
import type { ContactKind } from './entities/party-contact.entity';
import type { PartyType, Sex } from './entities/party.entity';
import type { PersonalDataCipher } from './personal-data-cipher';

/** The applicant as the dossier intake captures it (structurally the dossiers' ApplicantDto). */
export interface ApplicantInput {
  type: PartyType;
  fullName?: string;
  name?: string;
  dateOfBirth?: string;
  sex?: Sex;
  identifiers: Array<{ type: IdentifierType; value: string }>;
  phone?: string;
  email?: string;
  /** Current address, free text. */
  address?: string;
}

export type ResolveApplicantInput = { partyId: string } | ApplicantInput;

/** Identifier types that only an individual, or only an organisation, can hold. */
const INDIVIDUAL_ONLY: readonly IdentifierType[] = ['CCCD', 'CMND', 'PASSPORT'];
const ORGANIZATION_ONLY: readonly IdentifierType[] = ['AGENCY_CODE'];

export interface SealedIdentifier {
  type: IdentifierType;
  /** Index in the request, for error paths. */
  index: number;
  ciphertext: Buffer;
  keyId: string;
  hash: Buffer;
  masked: string;
  validFrom: string | null;
  validTo: string | null;
}

export interface SealedContact {
  kind: ContactKind;
  ciphertext: Buffer;
  keyId: string;
  hash: Buffer;
  masked: string | null;
  areaCode: string | null;
}

export function identifierContext(type: string): string {
  return `identifier:${type}`;
}

export function contactContext(kind: string): string {
  return `contact:${kind}`;
}

/** '+84 912.345.678' → '0912345678': one spelling per number, so equal numbers hash equally. */
export function normalizePhone(value: string): string {
  const compact = value.replace(/[\s.()-]+/g, '');
  if (compact.startsWith('+84')) return `0${compact.slice(3)}`;
  return compact;
}

export function normalizeEmail(value: string): string {
  return value.trim().toLowerCase();
}

function normalizeAddressText(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Local calendar date in Vietnam (birth dates are local dates). */
export function todayInVietnam(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

export interface PartyCoreInput {
  type: PartyType;
  fullName?: string | null;
  name?: string | null;
  dateOfBirth?: string | null;
  sex?: Sex | null;
}

/**
 * How hard to be on input: `strict` for the registry's own API (every misplaced field is a 400),
 * `intake` for the dossier applicant (the dossiers' contract allows a name in either field),
 * `lenient` for legacy data (never refuses: drops what is invalid).
 */
export type InputMode = 'strict' | 'intake' | 'lenient';

export interface CheckedCore {
  displayName: string;
  dateOfBirth: string | null;
  sex: Sex | null;
}

/** Checks the identity fields (DOMAIN §7): a name, no future birth date, birth date and sex only for individuals. */
export function checkCore(input: PartyCoreInput, prefix: string, mode: InputMode, errors: FieldError[]): CheckedCore {
  const individual = input.type === 'INDIVIDUAL';
  const own = individual ? input.fullName : input.name;
  const other = individual ? input.name : input.fullName;
  const displayName = (own ?? (mode === 'strict' ? undefined : other) ?? '').trim();
  let dateOfBirth = input.dateOfBirth ?? null;
  let sex = input.sex ?? null;
  if (mode === 'lenient') {
    if (dateOfBirth && (dateOfBirth > todayInVietnam() || !/^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth))) dateOfBirth = null;
    if (!individual) dateOfBirth = sex = null;
    return { displayName: displayName || '(không rõ tên)', dateOfBirth, sex };
  }
  if (!displayName) {
    errors.push(
      individual
        ? { field: `${prefix}fullName`, rule: 'required', message: 'Họ tên là bắt buộc' }
        : { field: `${prefix}name`, rule: 'required', message: 'Tên tổ chức, doanh nghiệp là bắt buộc' },
    );
  }
  if (mode === 'strict' && other) {
    errors.push(
      individual
        ? { field: `${prefix}name`, rule: 'organizationOnly', message: 'Cá nhân dùng trường fullName' }
        : { field: `${prefix}fullName`, rule: 'individualOnly', message: 'Tổ chức, doanh nghiệp dùng trường name' },
    );
  }
  if (dateOfBirth && dateOfBirth > todayInVietnam()) {
    errors.push({ field: `${prefix}dateOfBirth`, rule: 'notFuture', message: 'Ngày sinh không được ở tương lai' });
  }
  if (!individual) {
    if (mode === 'strict' && dateOfBirth)
      errors.push({ field: `${prefix}dateOfBirth`, rule: 'individualOnly', message: 'Chỉ cá nhân có ngày sinh' });
    if (mode === 'strict' && sex) errors.push({ field: `${prefix}sex`, rule: 'individualOnly', message: 'Chỉ cá nhân có giới tính' });
    dateOfBirth = sex = null;
  }
  return { displayName, dateOfBirth, sex };
}

export interface IdentifierInput {
  type: IdentifierType;
  value: string;
  validFrom?: string | null;
  validTo?: string | null;
}

/**
 * Validates and normalises identifiers with the shared validators, collects CCCD/birth-date
 * warnings, and seals each one (ciphertext, lookup hash, mask). In lenient mode (legacy data)
 * invalid identifiers are skipped rather than refused.
 */
export function sealIdentifiers(
  cipher: PersonalDataCipher,
  partyType: PartyType,
  identifiers: readonly IdentifierInput[],
  person: { dateOfBirth?: string | null; sex?: Sex | null },
  /** Path of the list in the request, e.g. `identifiers` or `applicant.identifiers`. */
  listField: string,
  mode: InputMode,
  errors: FieldError[],
  warnings: string[],
): SealedIdentifier[] {
  const sealed: SealedIdentifier[] = [];
  const seen = new Set<string>();
  identifiers.forEach((identifier, index) => {
    const field = `${listField}.${index}`;
    const check = checkIdentifier(identifier.type, identifier.value);
    /** Refuse (400) in the given modes, otherwise skip the identifier. */
    const fail = (modes: readonly InputMode[], rule: string, message: string, at = `${field}.value`) => {
      if (modes.includes(mode)) errors.push({ field: at, rule, message });
    };
    if (!check.valid) return fail(['strict', 'intake'], check.rule ?? 'identifier', check.message ?? 'Giấy tờ không hợp lệ');
    if (identifier.validFrom && identifier.validTo && identifier.validFrom > identifier.validTo) {
      return fail(['strict', 'intake'], 'afterValidFrom', 'Ngày hết hạn phải sau ngày cấp', `${field}.validTo`);
    }
    // The intake contract accepts any type for any applicant; the registry's own API is stricter.
    if (mode === 'strict' && partyType !== 'INDIVIDUAL' && INDIVIDUAL_ONLY.includes(identifier.type)) {
      return fail(['strict'], 'identifierTypeForParty', 'Loại giấy tờ này chỉ dành cho cá nhân', `${field}.type`);
    }
    if (mode === 'strict' && partyType !== 'ORGANIZATION' && ORGANIZATION_ONLY.includes(identifier.type)) {
      return fail(['strict'], 'identifierTypeForParty', 'Mã định danh cơ quan chỉ dành cho cơ quan, tổ chức', `${field}.type`);
    }
    const key = `${identifier.type}:${check.normalized}`;
    if (seen.has(key)) return fail(['strict'], 'duplicate', 'Giấy tờ bị nhập hai lần');
    seen.add(key);
    if (identifier.type === 'CCCD')
      warnings.push(...cccdWarnings(check.normalized, person.dateOfBirth ?? undefined, person.sex ?? undefined));
    const { ciphertext, keyId } = cipher.encrypt(check.normalized, identifierContext(identifier.type));
    sealed.push({
      type: identifier.type,
      index,
      ciphertext,
      keyId,
      hash: cipher.hash(identifier.type, check.normalized),
      masked: maskIdentifier(check.normalized),
      validFrom: identifier.validFrom ?? null,
      validTo: identifier.validTo ?? null,
    });
  });
  return sealed;
}

export interface ContactInput {
  phone?: string | null;
  email?: string | null;
  address?: { text: string; areaCode?: string | null } | null;
}

/** Seals the contact values that are present (null and undefined are left to the caller). */
export function sealContacts(cipher: PersonalDataCipher, input: ContactInput): Partial<Record<ContactKind, SealedContact>> {
  const out: Partial<Record<ContactKind, SealedContact>> = {};
  const seal = (kind: ContactKind, value: string, masked: string | null, areaCode: string | null, hashInput = value) => {
    const { ciphertext, keyId } = cipher.encrypt(value, contactContext(kind));
    out[kind] = { kind, ciphertext, keyId, hash: cipher.hash(kind, hashInput), masked, areaCode };
  };
  if (input.phone) {
    const phone = normalizePhone(input.phone);
    seal('PHONE', phone, maskPhone(phone), null);
  }
  if (input.email) {
    const email = normalizeEmail(input.email);
    seal('EMAIL', email, null, null);
  }
  if (input.address?.text) {
    const text = normalizeAddressText(input.address.text);
    const areaCode = input.address.areaCode ?? null;
    seal('ADDRESS', text, null, areaCode, `${areaCode ?? ''}|${text}`);
  }
  return out;
}

/** The lookup hashes a search text could match: every identifier type it is valid for, and a phone. */
export function searchHashes(
  cipher: PersonalDataCipher,
  q: string,
): { identifiers: Array<{ type: IdentifierType; hash: Buffer }>; phone?: Buffer } {
  const identifiers: Array<{ type: IdentifierType; hash: Buffer }> = [];
  for (const type of ['CCCD', 'CMND', 'PASSPORT', 'TAX_CODE', 'AGENCY_CODE'] as const) {
    const check = checkIdentifier(type, q);
    if (check.valid) identifiers.push({ type, hash: cipher.hash(type, check.normalized) });
  }
  const phone = normalizePhone(q);
  return { identifiers, phone: /^0\d{9,10}$/.test(phone) ? cipher.hash('PHONE', phone) : undefined };
}

export function foldName(name: string): string {
  return foldVietnamese(name).slice(0, 255);
}
