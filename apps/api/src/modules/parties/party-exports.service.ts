import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ActorContext, principalOf } from '../../common/auth/actor';
import { validationProblem } from '../../common/problem/validation';
import { AuditService } from '../audit/audit.service';
import { ContactExportQuery } from './dto/party-admin.dto';
import type { ConsentChannel } from './entities/party-consent.entity';
import { PartyAccessLogService } from './party-access-log.service';
import { contactContext } from './party-input';
import { LOCAL_TZ, PartiesRepository, scopePattern } from './parties.repository';
import { PersonalDataCipher } from './personal-data-cipher';
import { TabularFile, tabularFile } from '../../common/tabular-file';

/** A contact list is for people, not for bulk copies of the registry. */
const CONTACT_EXPORT_LIMIT = 50_000;

interface ContactExportRow {
  id: string;
  full_name: string;
  channels: ConsentChannel[];
  consented_at: Date;
  dossiers: number;
  last_submitted_at: Date;
  phone_enc: Buffer | null;
  phone_key: string | null;
  email_enc: Buffer | null;
  email_key: string | null;
  address_enc: Buffer | null;
  address_key: string | null;
}

const CHANNEL_LABELS: Record<ConsentChannel, string> = { PHONE: 'Điện thoại', SMS: 'Tin nhắn', EMAIL: 'Thư điện tử', POST: 'Bưu chính' };

/** Exports of personal data: each one is written to the access log (EXPORT) and audited. */
@Injectable()
export class PartyExportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly parties: PartiesRepository,
    private readonly cipher: PersonalDataCipher,
    private readonly accessLog: PartyAccessLogService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Contact list of the active parties who consented to be contacted for `purpose` (and did not
   * withdraw), served by an agency subtree / procedure / period. Only the contact values of the
   * channels they consented to are included (phone for PHONE/SMS, e-mail, address for POST).
   */
  async contacts(actor: ActorContext, query: ContactExportQuery): Promise<TabularFile> {
    const principal = principalOf(actor);
    const agencyId = query.agencyId ?? principal.agencyId;
    const agencyPath = await this.parties.agencyPath(agencyId);
    if (!agencyPath || !agencyPath.startsWith(principal.agencyPath)) {
      throw validationProblem([{ field: 'agencyId', rule: 'agencyInScope', message: 'Cơ quan không tồn tại hoặc ngoài phạm vi quản lý' }]);
    }
    if (query.from && query.to && query.from > query.to) {
      throw validationProblem([{ field: 'to', rule: 'afterFrom', message: 'Ngày kết thúc phải sau ngày bắt đầu' }]);
    }
    const params: unknown[] = [query.purpose, scopePattern(agencyPath)];
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = [
      `(d.receiving_agency_id IN (SELECT s.id FROM agencies s WHERE s.path LIKE $2)
        OR d.competent_agency_id IN (SELECT s.id FROM agencies s WHERE s.path LIKE $2))`,
    ];
    // Every version of the procedure (a procedure keeps its code across catalog versions).
    if (query.procedureId)
      where.push(
        `d.procedure_id IN (SELECT v.id FROM procedures v WHERE v.code = (SELECT code FROM procedures WHERE id = ${p(query.procedureId)}))`,
      );
    if (query.from) where.push(`d.submitted_at >= (${p(query.from)}::date)::timestamp AT TIME ZONE '${LOCAL_TZ}'`);
    if (query.to) where.push(`d.submitted_at < ((${p(query.to)}::date + 1)::timestamp AT TIME ZONE '${LOCAL_TZ}')`);

    const rows: ContactExportRow[] = await this.dataSource.query(
      `WITH served AS (
         SELECT dp.party_id, count(DISTINCT d.id)::int AS dossiers, max(d.submitted_at) AS last_submitted_at
         FROM dossier_parties dp JOIN dossiers d ON d.id = dp.dossier_id
         WHERE ${where.join(' AND ')}
         GROUP BY dp.party_id
       ), consenting AS (
         SELECT c.party_id, array_agg(DISTINCT c.channel) AS channels, min(c.given_at) AS consented_at
         FROM party_consents c JOIN served ON served.party_id = c.party_id
         WHERE c.purpose = $1 AND c.withdrawn_at IS NULL
         GROUP BY c.party_id
       )
       SELECT p.id, p.full_name, consenting.channels, consenting.consented_at, served.dossiers, served.last_submitted_at,
              ph.value_encrypted AS phone_enc, ph.key_id AS phone_key, em.value_encrypted AS email_enc, em.key_id AS email_key,
              ad.value_encrypted AS address_enc, ad.key_id AS address_key
       FROM consenting JOIN served ON served.party_id = consenting.party_id
       JOIN parties p ON p.id = consenting.party_id AND p.status = 'ACTIVE' AND p.restricted_at IS NULL
       LEFT JOIN party_contacts ph ON ph.party_id = p.id AND ph.kind = 'PHONE' AND ph.valid_to IS NULL
       LEFT JOIN party_contacts em ON em.party_id = p.id AND em.kind = 'EMAIL' AND em.valid_to IS NULL
       LEFT JOIN party_contacts ad ON ad.party_id = p.id AND ad.kind = 'ADDRESS' AND ad.valid_to IS NULL
       ORDER BY p.name_folded, p.id
       LIMIT ${p(CONTACT_EXPORT_LIMIT + 1)}`,
      params,
    );
    if (rows.length > CONTACT_EXPORT_LIMIT) {
      throw validationProblem([
        {
          field: 'agencyId',
          rule: 'tooManyRows',
          message: `Danh sách vượt quá ${CONTACT_EXPORT_LIMIT} người; hãy thu hẹp cơ quan, thủ tục hoặc thời gian`,
        },
      ]);
    }
    const open = (enc: Buffer | null, key: string | null, kind: string) =>
      enc && key ? this.cipher.decrypt(enc, key, contactContext(kind)) : '';
    const table = rows.map((r) => {
      const channels = new Set(r.channels);
      return [
        r.full_name,
        channels.has('PHONE') || channels.has('SMS') ? open(r.phone_enc, r.phone_key, 'PHONE') : '',
        channels.has('EMAIL') ? open(r.email_enc, r.email_key, 'EMAIL') : '',
        channels.has('POST') ? open(r.address_enc, r.address_key, 'ADDRESS') : '',
        r.channels.map((c) => CHANNEL_LABELS[c]).join(', '),
        r.consented_at.toISOString(),
        String(r.dossiers),
        r.last_submitted_at.toISOString(),
      ];
    });
    const generatedAt = new Date();
    const filters = {
      agencyId,
      procedureId: query.procedureId ?? null,
      from: query.from ?? null,
      to: query.to ?? null,
      purpose: query.purpose,
    };
    const file = await tabularFile(
      query.format ?? 'csv',
      `danh-sach-lien-he-${query.purpose.toLowerCase()}`,
      'Danh sách liên hệ',
      ['Họ tên / Tên', 'Điện thoại', 'Thư điện tử', 'Địa chỉ', 'Kênh đồng ý', 'Đồng ý từ', 'Số hồ sơ', 'Hồ sơ gần nhất'],
      table,
      {
        'Mục đích': query.purpose === 'SURVEY' ? 'Khảo sát mức độ hài lòng' : 'Thông báo',
        'Cơ quan': agencyId,
        'Thủ tục': query.procedureId ?? 'Tất cả',
        'Từ ngày': query.from ?? '',
        'Đến ngày': query.to ?? '',
        'Số dòng': String(table.length),
        'Tạo lúc': generatedAt.toISOString(),
      },
    );
    await this.dataSource.transaction(async (tx) => {
      await this.accessLog.record(
        actor,
        {
          partyIds: rows.map((r) => r.id),
          action: 'EXPORT',
          fields: ['name', 'phone', 'email', 'address'],
          purpose: `CONTACT_LIST:${query.purpose}`,
        },
        tx,
      );
      await this.audit.record(
        actor,
        {
          action: 'party.contacts-exported',
          targetType: 'party_contacts',
          after: { ...filters, rows: table.length, format: file.format, sha256: file.sha256, generatedAt: generatedAt.toISOString() },
        },
        tx,
      );
    });
    return file;
  }
}
