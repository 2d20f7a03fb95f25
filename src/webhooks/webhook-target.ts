import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import {
  checkTargetUrl,
  resolveTarget,
  TargetRefusedError,
  type TargetPolicy,
} from './delivery/target-guard.js';
import { WebhookSender } from './delivery/webhook-sender.js';
import { WebhookUrlRefusedError } from './webhooks.errors.js';

/** The process's webhook sender and URL policy, from the configuration. */
@Injectable()
export class WebhookTarget implements OnApplicationShutdown {
  readonly policy: TargetPolicy;
  readonly sender: WebhookSender;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.policy = {
      allowHttp: config.webhooks.allowHttp,
      allowedPrivateRanges: config.webhooks.allowedPrivateRanges,
    };
    this.sender = new WebhookSender({
      policy: this.policy,
      timeoutMs: config.webhooks.timeoutMs,
      maxExcerptBytes: 1024,
      userAgent: 'Hovedbok-Webhooks/1.0 (+https://hovedbok.no/docs/webhooks)',
    });
  }

  /** Refuses (422, naming /url) a URL that is not a public HTTPS address, after resolving its host. */
  async assertAllowed(url: string): Promise<void> {
    try {
      const parsed = checkTargetUrl(url, this.policy);
      await resolveTarget(parsed.hostname.replace(/^\[|\]$/g, ''), this.policy);
    } catch (error) {
      if (error instanceof TargetRefusedError) throw new WebhookUrlRefusedError(error.detail);
      throw error;
    }
  }

  onApplicationShutdown(): void {
    this.sender.close();
  }
}
