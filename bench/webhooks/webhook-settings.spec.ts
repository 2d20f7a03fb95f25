import { SettingsError } from '../support/settings.js';
import { FIXED_RATE_INTERVAL_MS, readWebhookSettings } from './webhook-settings.js';

describe('readWebhookSettings', () => {
  it('defaults to issue 5 sizes: 5,000 events, 15 s at 200 events/s in batches of 10 every 50 ms', () => {
    const settings = readWebhookSettings({});
    expect(settings).toMatchObject({ events: 5000, seconds: 15, workerConcurrency: undefined });
    expect(FIXED_RATE_INTERVAL_MS).toBe(50);
  });

  it('reads the variables given, and the workers’ WORKER_CONCURRENCY for the report', () => {
    const settings = readWebhookSettings({
      BENCH_WEBHOOK_EVENTS: '200',
      BENCH_WEBHOOK_SECONDS: '3',
      WORKER_CONCURRENCY: '8',
    });
    expect(settings).toMatchObject({ events: 200, seconds: 3, workerConcurrency: '8' });
  });

  it('refuses a count that is not a positive whole number', () => {
    expect(() => readWebhookSettings({ BENCH_WEBHOOK_EVENTS: '0' })).toThrow(SettingsError);
    expect(() => readWebhookSettings({ BENCH_WEBHOOK_SECONDS: '1.5' })).toThrow(SettingsError);
  });
});
