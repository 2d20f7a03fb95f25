import { SettingsError } from '../support/settings.js';
import { readLedgerSettings } from './ledger-settings.js';

describe('readLedgerSettings', () => {
  it("defaults to issue 4's sizes", () => {
    const settings = readLedgerSettings({});
    expect(settings).toMatchObject({
      quick: false,
      benchmarks: ['booking', 'batch', 'reports', 'export'],
      concurrencies: [1, 8, 32],
      batchSize: 1000,
      postings: [100_000, 1_000_000],
    });
  });

  it('shrinks the sizes in quick mode, and an explicit variable still wins', () => {
    const settings = readLedgerSettings({ BENCH_QUICK: '1', BENCH_LEDGER_POSTINGS: '5000,1_000' });
    expect(settings.quick).toBe(true);
    expect(settings.postings).toEqual([1000, 5000]);
    expect(settings.bookingSeconds).toBeLessThan(readLedgerSettings({}).bookingSeconds);
  });

  it('runs the chosen benchmarks in their fixed order', () => {
    expect(readLedgerSettings({ BENCH_LEDGER: 'export,booking' }).benchmarks).toEqual(['booking', 'export']);
  });

  it('refuses unknown benchmarks and malformed numbers', () => {
    expect(() => readLedgerSettings({ BENCH_LEDGER: 'bookings' })).toThrow(SettingsError);
    expect(() => readLedgerSettings({ BENCH_LEDGER_CONCURRENCY: '1,x' })).toThrow(SettingsError);
    expect(() => readLedgerSettings({ BENCH_LEDGER_CONCURRENCY: '0' })).toThrow(SettingsError);
  });
});
