import { Module } from '@nestjs/common';
import { ChangesController } from './changes.controller';
import { ChangesService } from './changes.service';
import { OutboxService } from './outbox.service';
import { WebhookWorker } from './webhook-worker.service';
import { WebhooksController } from './webhooks.controller';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksService } from './webhooks.service';

/**
 * Portal integration: the transactional outbox (`OutboxService`, for the modules that change
 * dossiers), the changes feed, webhook subscriptions and their delivery worker.
 */
@Module({
  controllers: [ChangesController, WebhooksController],
  providers: [OutboxService, ChangesService, WebhooksRepository, WebhooksService, WebhookWorker],
  exports: [OutboxService],
})
export class IntegrationModule {}
