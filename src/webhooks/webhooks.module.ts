import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { LOGGER, type Logger } from '../common/index.js';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { Database } from '../database/index.js';
import { JobRegistry } from '../jobs/index.js';
import { EventRelay } from './event-relay.js';
import { DELIVER_TASK } from './event-relay.sql.js';
import { WebhookDeliverer, type DeliveryJob } from './webhook-deliverer.js';
import { WebhookDeliveriesController } from './webhook-deliveries.controller.js';
import { WebhookDeliveriesResolver } from './webhook-deliveries.resolver.js';
import { WebhookDeliveriesService } from './webhook-deliveries.service.js';
import { WebhookSubscriptionsController } from './webhook-subscriptions.controller.js';
import { WebhookSubscriptionsResolver } from './webhook-subscriptions.resolver.js';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service.js';
import { WebhookTarget } from './webhook-target.js';
import { RetentionSweep } from './retention-sweep.js';

@Module({
  imports: [AuditModule],
  controllers: [WebhookSubscriptionsController, WebhookDeliveriesController],
  providers: [
    WebhookTarget,
    WebhookSubscriptionsService,
    WebhookDeliveriesService,
    WebhookDeliverer,
    WebhookSubscriptionsResolver,
    WebhookDeliveriesResolver,
    RetentionSweep,
    {
      provide: EventRelay,
      inject: [Database, APP_CONFIG, LOGGER],
      useFactory: (db: Database, config: AppConfig, logger: Logger) =>
        new EventRelay(db, config.events.relayIntervalMs, logger),
    },
  ],
  exports: [EventRelay],
})
export class WebhooksModule implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    private readonly deliverer: WebhookDeliverer,
    private readonly relay: EventRelay,
    private readonly retention: RetentionSweep,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.registry.registerTask(DELIVER_TASK, (payload) => this.deliverer.deliver(payload as DeliveryJob));
    this.registry.registerLoop({
      name: 'event-relay',
      start: () => this.relay.start(),
      stop: () => this.relay.stop(),
    });
    this.registry.registerLoop({
      name: 'retention',
      start: () => this.retention.start(),
      stop: () => this.retention.stop(),
    });
  }
}
