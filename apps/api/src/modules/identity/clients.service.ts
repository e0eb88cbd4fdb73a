import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ActorContext, principalOf } from '../../common/auth/actor';
import { whereInAgencyScope } from '../../common/auth/agency-scope';
import { AuditService } from '../audit/audit.service';
import { AgenciesService } from '../catalog/agencies.service';
import { Agency } from '../catalog/entities/agency.entity';
import { generateApiKey } from './api-keys';
import { CreateIntegrationClientRequest, IntegrationClientResponse, IntegrationClientWithKey } from './dto/client.dto';
import { ApiClient } from './entities/api-client.entity';
import { agencyOutOfScope, clientNotFound } from './identity.errors';

function toResponse(client: ApiClient, agencyName: string): IntegrationClientResponse {
  return {
    id: client.id,
    name: client.name,
    agencyId: client.agencyId,
    agencyName,
    scopes: client.scopes,
    keyPrefix: `mc_${client.keyPrefix}`,
    status: client.revokedAt ? 'REVOKED' : 'ACTIVE',
    createdAt: client.createdAt.toISOString(),
    lastUsedAt: client.lastUsedAt?.toISOString() ?? null,
    revokedAt: client.revokedAt?.toISOString() ?? null,
  };
}

@Injectable()
export class ClientsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agencies: AgenciesService,
    private readonly audit: AuditService,
  ) {}

  async list(actor: ActorContext): Promise<IntegrationClientResponse[]> {
    const query = this.dataSource.manager
      .createQueryBuilder(ApiClient, 'c')
      .innerJoin(Agency, 'a', 'a.id = c.agency_id')
      .addSelect('a.name', 'agency_name')
      .orderBy('c.created_at', 'DESC');
    const { entities, raw } = await whereInAgencyScope(query, principalOf(actor), 'c.agency_id').getRawAndEntities();
    return entities.map((client, i) => toResponse(client, raw[i].agency_name));
  }

  async create(actor: ActorContext, body: CreateIntegrationClientRequest): Promise<IntegrationClientWithKey> {
    return this.dataSource.transaction(async (tx) => {
      const agency = await this.agencies.findInScope(principalOf(actor), body.agencyId, tx);
      if (!agency) throw agencyOutOfScope();
      const key = generateApiKey();
      const client = tx.create(ApiClient, {
        name: body.name,
        agencyId: agency.id,
        scopes: body.scopes,
        keyPrefix: key.prefix,
        keyHash: key.hash,
        createdBy: principalOf(actor).id,
      });
      await tx.save(client);
      await this.audit.record(
        actor,
        {
          action: 'integration-client.created',
          targetType: 'integration-client',
          targetId: client.id,
          after: { name: client.name, agencyId: client.agencyId, scopes: client.scopes, keyPrefix: key.prefix },
        },
        tx,
      );
      return { ...toResponse(client, agency.name), apiKey: key.key };
    });
  }

  /** A new key; the old one stops working at once. */
  async rotate(actor: ActorContext, id: string): Promise<IntegrationClientWithKey> {
    return this.dataSource.transaction(async (tx) => {
      const { client, agencyName } = await this.findInScope(actor, id, tx);
      if (client.revokedAt) throw clientNotFound();
      const key = generateApiKey();
      const oldPrefix = client.keyPrefix;
      client.keyPrefix = key.prefix;
      client.keyHash = key.hash;
      client.keyRotatedAt = new Date();
      await tx.save(client);
      await this.audit.record(
        actor,
        {
          action: 'integration-client.key-rotated',
          targetType: 'integration-client',
          targetId: id,
          before: { keyPrefix: oldPrefix },
          after: { keyPrefix: key.prefix },
        },
        tx,
      );
      return { ...toResponse(client, agencyName), apiKey: key.key };
    });
  }

  async revoke(actor: ActorContext, id: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const { client } = await this.findInScope(actor, id, tx);
      if (client.revokedAt) return;
      client.revokedAt = new Date();
      await tx.save(client);
      await this.audit.record(actor, { action: 'integration-client.revoked', targetType: 'integration-client', targetId: id }, tx);
    });
  }

  private async findInScope(actor: ActorContext, id: string, tx: EntityManager): Promise<{ client: ApiClient; agencyName: string }> {
    const query = tx
      .createQueryBuilder(ApiClient, 'c')
      .innerJoin(Agency, 'a', 'a.id = c.agency_id')
      .addSelect('a.name', 'agency_name')
      .where('c.id = :id', { id })
      .setLock('pessimistic_write', undefined, ['c']);
    const { entities, raw } = await whereInAgencyScope(query, principalOf(actor), 'c.agency_id').getRawAndEntities();
    if (!entities[0]) throw clientNotFound();
    return { client: entities[0], agencyName: raw[0].agency_name };
  }
}
