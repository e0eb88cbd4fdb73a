import { foldVietnamese, localInstant, type Role } from '@motcua/domain';
import { createHash } from 'node:crypto';
import type { AgencyInfo } from '../catalog';
import type { Principal } from '../dossier-lifecycle';
import { personAt, type Locality } from '../people';
import type { GeneratorModule, SeedContext } from './types';

/**
 * The people who act on the dossiers: one reception officer per reception point, a specialist and
 * a leader per agency that can be competent, and the national portal as an integration client.
 * The demo accounts are reused where they fit (tiepnhan.ttpvhcc, lanhdao.stp, …); the others are
 * created as an administrator would, a fortnight before the data starts, with their audit records.
 */
const PREFIX: Record<'RECEPTION' | 'SPECIALIST' | 'LEADER', string> = {
  RECEPTION: 'tiepnhan',
  SPECIALIST: 'chuyenvien',
  LEADER: 'lanhdao',
};
/** Officials' names come from the applicants' generator, far from the applicants' indexes. */
const OFFICIAL_BASE = 900_000_000;
const OFFICIAL_LOCALITY: Locality = { text: 'tỉnh An Giang', rural: false, khmerShare: 0.02 };

function slugOf(agency: AgencyInfo): string {
  const label = foldVietnamese(agency.shortName ?? agency.name).replace(/^(ubnd|uy ban nhan dan) /, '');
  return label.replace(/[^a-z0-9]/g, '');
}

export function staffModule(createdOn: string): GeneratorModule {
  return {
    name: 'staff',
    tables: [],
    async prepare(ctx: SeedContext) {
      const users: Array<{ id: string; username: string; full_name: string; roles: Role[]; agency_id: string }> = (
        await ctx.db.query(`SELECT id, username, full_name, roles, agency_id FROM users WHERE active ORDER BY created_at, username`)
      ).rows;
      const admin = users.find((u) => u.username === 'admin');
      const demoHash = (await ctx.db.query(`SELECT password_hash FROM users WHERE username <> 'admin' ORDER BY created_at LIMIT 1`)).rows[0]
        ?.password_hash;
      if (!admin || !demoHash) throw new Error('The admin and demo accounts are missing: the catalog bootstrap did not run');
      const adminPrincipal: Principal = {
        kind: 'user',
        id: admin.id,
        name: admin.username,
        displayName: admin.full_name,
        roles: admin.roles,
        agencyId: admin.agency_id,
      };

      const taken = new Set(users.map((u) => u.username));
      const directory = new Map<string, Principal>();
      const created: Array<{ id: string; username: string; fullName: string; agencyId: string; role: Role }> = [];
      const principalOf = (u: { id: string; username: string; full_name: string; roles: Role[]; agency_id: string }): Principal => ({
        kind: 'user',
        id: u.id,
        name: u.username,
        displayName: u.full_name,
        roles: u.roles,
        agencyId: u.agency_id,
      });
      for (const agency of ctx.catalog.agencies.filter((a) => a.active)) {
        const roles: Array<'RECEPTION' | 'SPECIALIST' | 'LEADER'> = [
          ...(agency.isReceptionPoint ? (['RECEPTION'] as const) : []),
          'SPECIALIST',
          'LEADER',
        ];
        for (const role of roles) {
          const existing = users.find((u) => u.agency_id === agency.id && u.roles.includes(role));
          if (existing) {
            directory.set(`${agency.id}:${role}`, principalOf(existing));
            continue;
          }
          const prefix = PREFIX[role];
          let username = `${prefix}.${slugOf(agency)}`.slice(0, 60);
          if (taken.has(username)) username = `${username}${agency.code.replace(/\D/g, '').slice(-4)}`;
          taken.add(username);
          const id = ctx.random.uuid();
          // Officials are people: Form 06 and the timeline show their names.
          const fullName = personAt(OFFICIAL_BASE + created.length, ctx.seed, OFFICIAL_LOCALITY).fullName;
          created.push({ id, username, fullName, agencyId: agency.id, role });
          directory.set(`${agency.id}:${role}`, {
            kind: 'user',
            id,
            name: username,
            displayName: fullName,
            roles: [role],
            agencyId: agency.id,
          });
        }
      }

      const at = localInstant(createdOn, '08:00').getTime();
      if (created.length) {
        await ctx.db.query(
          `INSERT INTO users (id, username, full_name, agency_id, roles, password_hash, password_changed_at, created_at, updated_at, version)
           SELECT u.id, u.username, u.full_name, u.agency_id, ARRAY[u.role], $2, u.at, u.at, u.at, 1
             FROM json_to_recordset($1::json) AS u(id uuid, username text, full_name text, agency_id uuid, role text, at timestamptz)`,
          [
            JSON.stringify(
              created.map((u, i) => ({
                id: u.id,
                username: u.username,
                full_name: u.fullName,
                agency_id: u.agencyId,
                role: u.role,
                at: new Date(at + i * 47_000),
              })),
            ),
            demoHash,
          ],
        );
        created.forEach((u, i) => {
          ctx.audit.append({
            at: new Date(at + i * 47_000 + 5),
            actorType: 'user',
            actorId: adminPrincipal.id,
            actorName: adminPrincipal.name,
            roles: adminPrincipal.roles,
            agencyId: adminPrincipal.agencyId,
            action: 'user.created',
            targetType: 'user',
            targetId: u.id,
            before: null,
            after: { username: u.username, fullName: u.fullName, agencyId: u.agencyId, roles: [u.role], active: true },
            requestId: ctx.random.uuid(),
            ip: '10.89.0.15',
          });
        });
      }

      // The national public-service portal files the online dossiers through its API key.
      const root = ctx.catalog.agencies.find((a) => a.level === 'PROVINCE' && !a.parentId) ?? ctx.catalog.agencies[0];
      const clientId = ctx.random.uuid();
      const keyPrefix = createHash('sha256').update(`prefix${ctx.seed}`).digest('hex').slice(0, 12);
      const clientAt = new Date(at + created.length * 47_000 + 60_000);
      const clientName = 'Cổng Dịch vụ công quốc gia';
      await ctx.db.query(
        `INSERT INTO api_clients (id, name, agency_id, scopes, key_prefix, key_hash, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)`,
        [
          clientId,
          clientName,
          root.id,
          ['dossiers:create', 'dossiers:read'],
          keyPrefix,
          createHash('sha256').update(ctx.random.uuid()).digest('hex'),
          adminPrincipal.id,
          clientAt,
        ],
      );
      ctx.audit.append({
        at: new Date(clientAt.getTime() + 5),
        actorType: 'user',
        actorId: adminPrincipal.id,
        actorName: adminPrincipal.name,
        roles: adminPrincipal.roles,
        agencyId: adminPrincipal.agencyId,
        action: 'integration-client.created',
        targetType: 'integration-client',
        targetId: clientId,
        before: null,
        after: { name: clientName, agencyId: root.id, scopes: ['dossiers:create', 'dossiers:read'], keyPrefix },
        requestId: ctx.random.uuid(),
        ip: '10.89.0.15',
      });

      const lookup = (agencyId: string, role: 'RECEPTION' | 'SPECIALIST' | 'LEADER') => {
        const principal = directory.get(`${agencyId}:${role}`);
        if (!principal) throw new Error(`No ${role} staff for agency ${agencyId}`);
        return principal;
      };
      ctx.staff = {
        reception: (agencyId) => lookup(agencyId, 'RECEPTION'),
        specialist: (agencyId) => lookup(agencyId, 'SPECIALIST'),
        leader: (agencyId) => lookup(agencyId, 'LEADER'),
        portal: { kind: 'client', id: clientId, name: clientName, displayName: clientName, roles: [], agencyId: root.id },
        admin: adminPrincipal,
      };
      ctx.log(`staff: ${directory.size - created.length} demo accounts reused, ${created.length} officials created, 1 portal client`);
    },
  };
}
