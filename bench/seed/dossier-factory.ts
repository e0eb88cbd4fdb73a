import { localDateOf, LOOKUP_SECRET_ALPHABET, LOOKUP_SECRET_LENGTH, maskIdentifier, maskPhone, type WorkingCalendar } from '@motcua/domain';
import type { AgencyInfo, Catalog, ProcedureInfo } from './catalog';
import { intake, type ApplicantSnapshot, type SubmittedDocument } from './dossier-lifecycle';
import { businessApplicant, LifecycleRun, playLifecycle } from './dossier-scenario';
import { partyIdOf } from './generators/parties';
import type { ApplicantInput, GeneratedDossier, SeedContext } from './generators/types';
import type { IntakeSpec, ReceptionPoint } from './intake-plan';
import { businessAt, personAt, type Locality } from './people';
import { REASONS } from './profile';
import type { Random } from './random';

/** Organisations (clinics, pharmacies) are numbered apart from enterprises, so an index is always the same kind. */
const ORGANISATION_BASE = 5_000_000;

/** "xã Vĩnh Tế, thành phố Châu Đốc, tỉnh An Giang" for a commune; the district for a district point. */
export function localities(catalog: Catalog): Map<string, Locality> {
  const result = new Map<string, Locality>();
  const plain = (a: AgencyInfo) => a.name.replace(/^Ủy ban nhân dân /, '');
  const province = catalog.agencies.find((a) => a.level === 'PROVINCE' && !a.parentId);
  const provinceName = province ? `tỉnh ${plain(province).replace(/^tỉnh /, '')}` : 'tỉnh An Giang';
  const communes = catalog.agencies.filter((a) => a.level === 'COMMUNE');
  const khmer = (a: AgencyInfo) => (/Tri Tôn|Tịnh Biên|Núi Tô|Văn Giáo|Nhà Bàng/.test(a.name) ? 0.3 : 0.01);
  for (const a of catalog.agencies) {
    if (a.level === 'COMMUNE') {
      const district = a.parentId ? catalog.agencyById.get(a.parentId) : undefined;
      result.set(a.id, {
        text: `${plain(a)}, ${district ? `${plain(district)}, ` : ''}${provinceName}`,
        rural: /^xã /.test(plain(a)),
        khmerShare: khmer(a),
      });
    } else if (a.level === 'DISTRICT') {
      result.set(a.id, { text: `${plain(a)}, ${provinceName}`, rural: /^huyện /.test(plain(a)), khmerShare: khmer(a) });
    }
  }
  // The province center serves the whole province: its applicants live in any commune.
  const anywhere = communes.map((c) => result.get(c.id) as Locality);
  for (const a of catalog.agencies)
    if (!result.has(a.id)) result.set(a.id, anywhere.length ? anywhere[0] : { text: provinceName, rural: false, khmerShare: 0.01 });
  return result;
}

function documentsFor(procedure: ProcedureInfo, online: boolean, r: Random): SubmittedDocument[] {
  const docs: SubmittedDocument[] = [];
  for (const d of procedure.documents) {
    if (!d.mandatory && !r.chance(online ? 0.3 : 0.4)) continue;
    if (online) docs.push({ name: d.name, kind: 'ELECTRONIC', count: 1 });
    else if (d.originals > 0) docs.push({ name: d.name, kind: 'ORIGINAL', count: d.originals });
    else docs.push({ name: d.name, kind: 'COPY', count: Math.max(1, d.copies) });
  }
  return docs;
}

function lookupSecret(r: Random): string {
  let secret = '';
  for (let i = 0; i < LOOKUP_SECRET_LENGTH; i++) secret += LOOKUP_SECRET_ALPHABET[Math.floor(r.next() * LOOKUP_SECRET_ALPHABET.length)];
  return secret;
}

/** Builds one dossier from its intake spec and plays its life up to `now`. */
export function generateDossier(spec: IntakeSpec, ctx: SeedContext, homes: Map<string, Locality>, anywhere: Locality[]): GeneratedDossier {
  const r = ctx.random;
  const { point, procedure, competent, channel } = spec;
  const applicantRef = applicantOf(point, procedure, r);
  const locality =
    point.agency.level === 'COMMUNE' || point.agency.level === 'DISTRICT'
      ? (homes.get(point.agency.id) as Locality)
      : anywhere[applicantRef.index % anywhere.length];
  // What the intake sends (identifiers and phone in clear, as the desk types them or the portal posts them).
  let input: ApplicantInput;
  if (applicantRef.kind === 'business') {
    const b = businessAt(applicantRef.index, ctx.seed, locality, applicantRef.index >= ORGANISATION_BASE);
    input = {
      type: b.type,
      fullName: b.name,
      identifiers: [{ type: 'TAX_CODE', value: b.taxCode }],
      phone: b.phone,
      email: b.email,
      address: b.address,
    };
  } else {
    const p = personAt(applicantRef.index, ctx.seed, locality);
    input = {
      type: 'INDIVIDUAL',
      fullName: p.fullName,
      dateOfBirth: p.dateOfBirth,
      sex: p.sex,
      identifiers: [{ type: 'CCCD', value: p.cccd }],
      phone: p.phone,
      email: p.email,
      address: p.address,
    };
  }
  // The dossier keeps a masked copy linked to the registry party, as the API writes it (DOMAIN §7).
  const applicant: ApplicantSnapshot = {
    partyId: partyIdOf(ctx.seed, input),
    type: input.type,
    fullName: input.fullName,
    ...(input.dateOfBirth ? { dateOfBirth: input.dateOfBirth, sex: input.sex } : {}),
    identifiers: input.identifiers.map((i) => ({ type: i.type, value: maskIdentifier(i.value) })),
    phone: input.phone ? maskPhone(input.phone) : undefined,
    email: input.email,
    address: input.address,
  };
  const online = channel === 'ONLINE';
  const intakeBy = online ? ctx.staff.portal : ctx.staff.reception(point.agency.id);
  const localDate = localDateOf(spec.at);
  const sequence = (ctx.sequences.get(point.agency.id) ?? 0) + 1;
  ctx.sequences.set(point.agency.id, sequence);
  const state = intake(
    {
      id: r.uuid(),
      procedure,
      receivingAgencyId: point.agency.id,
      receivingAgencyCode: point.agency.code,
      competentAgencyId: competent.id,
      channel,
      applicant,
      documents: documentsFor(procedure, online, r),
      note: r.chance(0.08) ? r.pick(REASONS.notes) : null,
      lookupSecret: lookupSecret(r),
      sequence,
      localDate,
      principal: intakeBy,
      at: spec.at,
    },
    ctx.calendar,
  );
  const intakeStatus = state.status as 'SUBMITTED' | 'RECEIVED';
  playLifecycle(
    new LifecycleRun(state, procedure, ctx.calendar, ctx.now.getTime(), r, ctx.staff, (id) => ctx.catalog.agencyById.get(id)?.name),
    procedure,
    ctx.calendar as WorkingCalendar,
    ctx.staff,
    r,
  );
  return {
    state,
    procedure,
    receiving: point.agency,
    competent,
    intakeBy,
    intakeStatus,
    applicantRef: { kind: applicantRef.kind, index: applicantRef.index },
    applicantInput: input,
  };
}

/** Which applicant: people of the point's own pool (repeat visitors are the low indexes), or a business. */
function applicantOf(
  point: ReceptionPoint,
  procedure: ProcedureInfo,
  r: Random,
): { kind: 'person' | 'business'; index: number; organisation: boolean } {
  const business = businessApplicant(procedure, r);
  if (business) {
    const index =
      (business.organisation ? ORGANISATION_BASE : 0) + point.businessOffset + Math.floor(point.businessPool * Math.pow(r.next(), 1.3));
    return { kind: 'business', index, organisation: business.organisation };
  }
  return { kind: 'person', index: point.personOffset + Math.floor(point.personPool * Math.pow(r.next(), 1.2)), organisation: false };
}
