import { localInstant } from '@motcua/domain';
import { createHash } from 'node:crypto';
import type { FieldError } from '../../../apps/api/src/common/problem/problem';
import { foldName, sealContacts, sealIdentifiers } from '../../../apps/api/src/modules/parties/party-input';
import type { PersonalDataCipher } from '../../../apps/api/src/modules/parties/personal-data-cipher';
import type { ReceptionPoint } from '../intake-plan';
import { OTHER_BIRTH_PROVINCES, personAt, type Locality } from '../people';
import { WeightedPicker } from '../random';
import type { ApplicantInput, GeneratorModule, SeedContext, Sinks } from './types';

const PARTY_COLUMNS = [
  'id',
  'type',
  'full_name',
  'name_folded',
  'date_of_birth',
  'sex',
  'permanent_area_code',
  'permanent_address',
  'status',
  'created_by_agency_id',
  'created_at',
  'updated_at',
  'version',
] as const;
const IDENTIFIER_COLUMNS = ['party_id', 'type', 'value_encrypted', 'key_id', 'lookup_hash', 'masked', 'created_at'] as const;
const CONTACT_COLUMNS = ['party_id', 'kind', 'value_encrypted', 'key_id', 'lookup_hash', 'masked', 'area_code', 'valid_from'] as const;
const LINK_COLUMNS = ['dossier_id', 'role', 'party_id', 'created_at'] as const;

/**
 * The registry party of an applicant. The API finds an applicant by the keyed hash of its
 * identifiers and registers it the first time; here the party id is a pure function of the seed and
 * the first identifier, so every dossier of the same person links to the same party.
 */
export function partyIdOf(seed: number, applicant: Pick<ApplicantInput, 'identifiers'>): string {
  const first = applicant.identifiers[0];
  const hex = createHash('sha256').update(`${seed}|${first.type}|${first.value}`).digest('hex');
  // Shaped as a version-4 UUID (like gen_random_uuid()).
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** People the registry holds without a dossier in the period: registered by the desks through the registry itself. */
export interface ExtraRegistry {
  count: number;
  /** First person index past every reception point's applicants (people.ts). */
  personFrom: number;
  /** The working days of the period: the extra registrations are spread over them. */
  days: string[];
  points: ReceptionPoint[];
  homes: Map<string, Locality>;
  anywhere: Locality[];
}

type Sealed = { identifiers: ReturnType<typeof sealIdentifiers>; contacts: ReturnType<typeof sealContacts> };

/**
 * The citizen registry as intake fills it (PartiesService.resolveApplicant, then the OWNER link):
 * the first dossier of an applicant registers the party — name in clear, identifiers and contacts
 * sealed with the API's own party-input functions and the personal-data keys the API will run
 * with — created by the receiving agency at the time of that intake; every dossier links to it.
 * With `extras`, people without a dossier in the period are registered as well, by a desk through
 * the registry (PartiesService.create, with its `party.created` audit record), spread over the
 * working days: the registry can be made larger than the applicants of the period.
 */
export function partiesModule(cipher: PersonalDataCipher): GeneratorModule & { planExtras(plan: ExtraRegistry): void } {
  const registered = new Set<string>();
  let extras: (ExtraRegistry & { picker: WeightedPicker<ReceptionPoint>; dayIndex: Map<string, number>; made: number }) | undefined;

  const seal = (a: ApplicantInput): Sealed => {
    const errors: FieldError[] = [];
    const identifiers = sealIdentifiers(cipher, a.type, a.identifiers, a, 'applicant.identifiers', 'intake', errors, []);
    if (errors.length || identifiers.length !== a.identifiers.length) {
      throw new Error(`generator bug: the API would refuse applicant ${a.fullName}: ${errors.map((e) => e.rule).join(', ')}`);
    }
    return {
      identifiers,
      contacts: sealContacts(cipher, { phone: a.phone, email: a.email, address: a.address ? { text: a.address } : null }),
    };
  };
  const writeParty = (out: Sinks, partyId: string, a: ApplicantInput, sealed: Sealed, agencyId: string, at: Date) => {
    const individual = a.type === 'INDIVIDUAL';
    out['parties'].row([
      partyId,
      a.type,
      a.fullName,
      foldName(a.fullName),
      individual ? (a.dateOfBirth ?? null) : null,
      individual ? (a.sex ?? null) : null,
      null,
      null,
      'ACTIVE',
      agencyId,
      at,
      at,
      1,
    ]);
    for (const i of sealed.identifiers) out['party_identifiers'].row([partyId, i.type, i.ciphertext, i.keyId, i.hash, i.masked, at]);
    for (const c of Object.values(sealed.contacts)) {
      out['party_contacts'].row([partyId, c.kind, c.ciphertext, c.keyId, c.hash, c.masked, c.areaCode, at]);
    }
  };

  /** The extra registrations of one working day, at working hours, each with its audit record. */
  const registerExtras = (date: string, out: Sinks, ctx: SeedContext) => {
    if (!extras) return;
    const k = extras.dayIndex.get(date);
    if (k === undefined) return;
    const total = extras.days.length;
    const quota = Math.round((extras.count * (k + 1)) / total) - Math.round((extras.count * k) / total);
    const r = ctx.random;
    const times = Array.from({ length: quota }, () => r.int(7 * 60 + 30, 16 * 60 + 30)).sort((a, b) => a - b);
    for (const minute of times) {
      const index = extras.personFrom + extras.made++;
      const point = extras.picker.pick(r);
      const locality =
        point.agency.level === 'COMMUNE' || point.agency.level === 'DISTRICT'
          ? (extras.homes.get(point.agency.id) as Locality)
          : extras.anywhere[index % extras.anywhere.length];
      // Past a million indexes the CCCD serials repeat: a province no applicant is born in keeps them apart.
      const province = index >= 1_000_000 ? OTHER_BIRTH_PROVINCES[Math.floor(index / 1_000_000) % OTHER_BIRTH_PROVINCES.length] : undefined;
      const p = personAt(index, ctx.seed, locality, province);
      const a: ApplicantInput = {
        type: 'INDIVIDUAL',
        fullName: p.fullName,
        dateOfBirth: p.dateOfBirth,
        sex: p.sex,
        identifiers: [{ type: 'CCCD', value: p.cccd }],
        phone: p.phone,
        email: p.email,
        address: p.address,
      };
      const partyId = partyIdOf(ctx.seed, a);
      if (registered.has(partyId)) throw new Error(`generator bug: the extra person ${index} has an applicant's CCCD`);
      registered.add(partyId);
      const at = new Date(
        localInstant(date, `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`).getTime() +
          r.int(0, 59_999),
      );
      const sealed = seal(a);
      const desk = ctx.staff.reception(point.agency.id);
      writeParty(out, partyId, a, sealed, point.agency.id, at);
      ctx.audit.defer({
        at: new Date(at.getTime() + 5),
        actorType: desk.kind,
        actorId: desk.id,
        actorName: desk.name,
        roles: desk.roles,
        agencyId: desk.agencyId,
        action: 'party.created',
        targetType: 'party',
        targetId: partyId,
        before: null,
        after: {
          type: a.type,
          identifierTypes: sealed.identifiers.map((i) => i.type),
          contacts: Object.values(sealed.contacts).map((c) => c.kind),
          representatives: 0,
          consents: 0,
        },
        requestId: r.uuid(),
        ip: `10.89.${r.int(1, 60)}.${r.int(10, 250)}`,
      });
    }
  };

  return {
    name: 'parties',
    tables: [
      { table: 'parties', columns: PARTY_COLUMNS, bulk: true },
      { table: 'party_identifiers', columns: IDENTIFIER_COLUMNS, bulk: true },
      { table: 'party_contacts', columns: CONTACT_COLUMNS, bulk: true },
      { table: 'dossier_parties', columns: LINK_COLUMNS, bulk: true },
    ],
    planExtras(plan) {
      if (plan.count <= 0 || !plan.days.length) return;
      const desks = plan.points.filter((p) => p.agency.isReceptionPoint);
      extras = {
        ...plan,
        picker: new WeightedPicker(
          desks,
          desks.map((p) => p.weight),
        ),
        dayIndex: new Map(plan.days.map((d, i) => [d, i])),
        made: 0,
      };
    },
    startOfDay(date, out, ctx) {
      registerExtras(date, out, ctx);
    },
    emit({ state: d, applicantInput: a }, out) {
      const partyId = d.applicant.partyId as string;
      // The party row is inserted in the intake's transaction (its now() starts just before the dossier's).
      const at = d.createdAt;
      if (!registered.has(partyId)) {
        registered.add(partyId);
        writeParty(out, partyId, a, seal(a), d.receivingAgencyId, at);
      }
      out['dossier_parties'].row([d.id, 'OWNER', partyId, at]);
    },
  };
}
