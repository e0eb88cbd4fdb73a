import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../../common/auth/access.decorators';
import { Actor, ActorContext } from '../../common/auth/actor';
import { uuidParam } from '../../common/uuid-param';
import { ClientsService } from './clients.service';
import { CreateIntegrationClientRequest, IntegrationClientResponse, IntegrationClientWithKey } from './dto/client.dto';

@ApiTags('integration')
@Controller('integration/clients')
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Get()
  @RequirePermission('integration:read')
  @ApiOkResponse({ type: [IntegrationClientResponse] })
  listIntegrationClients(@Actor() actor: ActorContext): Promise<IntegrationClientResponse[]> {
    return this.clients.list(actor);
  }

  @Post()
  @RequirePermission('integration:manage')
  @ApiCreatedResponse({ type: IntegrationClientWithKey, description: 'The API key is in the response this once only' })
  createIntegrationClient(@Actor() actor: ActorContext, @Body() body: CreateIntegrationClientRequest): Promise<IntegrationClientWithKey> {
    return this.clients.create(actor, body);
  }

  @Post(':id/rotate')
  @RequirePermission('integration:manage')
  @HttpCode(200)
  @ApiOkResponse({ type: IntegrationClientWithKey, description: 'A new key, shown once; the old key stops working at once' })
  rotateIntegrationClientKey(@Actor() actor: ActorContext, @Param('id', uuidParam('id')) id: string): Promise<IntegrationClientWithKey> {
    return this.clients.rotate(actor, id);
  }

  @Delete(':id')
  @RequirePermission('integration:manage')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The client is revoked; its key stops working at once' })
  revokeIntegrationClient(@Actor() actor: ActorContext, @Param('id', uuidParam('id')) id: string): Promise<void> {
    return this.clients.revoke(actor, id);
  }
}
