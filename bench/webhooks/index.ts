export { runWebhookBenchmarks, type WebhookRun, type WebhookRunOptions } from './run-webhooks.js';
export { readWebhookSettings, webhooksBudgetMs, type WebhookSettings } from './webhook-settings.js';
export type { WebhookSection } from './webhook-benchmark.js';
