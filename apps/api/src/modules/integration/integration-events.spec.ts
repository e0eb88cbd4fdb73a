import { createHmac } from 'node:crypto';
import { loadConfig } from '../../config/app-config';
import { eventMatches, maskSecret, retryDelayMs, signature, toCloudEvent } from './integration-events';

describe('webhook events', () => {
  it('matches exact types and prefix wildcards, nothing else', () => {
    expect(eventMatches('dossier.*', 'dossier.received')).toBe(true);
    expect(eventMatches('dossier.received', 'dossier.received')).toBe(true);
    expect(eventMatches('dossier.received', 'dossier.returned')).toBe(false);
    expect(eventMatches('dossier.*', 'dossiers.received')).toBe(false);
  });

  it('signs the exact body with HMAC-SHA256 as sha256=<hex>', () => {
    const body = JSON.stringify({ id: 'e1', data: { code: 'Hồ sơ' } });
    expect(signature(body, 'a-secret-of-16-chars')).toBe(
      `sha256=${createHmac('sha256', 'a-secret-of-16-chars').update(Buffer.from(body, 'utf8')).digest('hex')}`,
    );
    expect(signature(body + ' ', 'a-secret-of-16-chars')).not.toBe(signature(body, 'a-secret-of-16-chars'));
  });

  it('builds a CloudEvents 1.0 envelope whose id is the event id', () => {
    const occurredAt = new Date('2026-02-23T02:00:00Z');
    const event = toCloudEvent(
      {
        eventId: 'f0c1',
        type: 'dossier.received',
        dossierCode: 'X-260223-0001',
        occurredAt,
        data: { code: 'X-260223-0001', statusCode: 2 },
      },
      '/motcua/an-giang',
    );
    expect(event).toEqual({
      specversion: '1.0',
      id: 'f0c1',
      type: 'dossier.received',
      source: '/motcua/an-giang',
      subject: 'X-260223-0001',
      time: '2026-02-23T02:00:00.000Z',
      datacontenttype: 'application/json',
      data: { code: 'X-260223-0001', statusCode: 2 },
    });
  });

  it('retries by default within a minute first, at least 8 times over at least 24 hours', () => {
    const schedule = loadConfig({ NODE_ENV: 'test' }).webhooks;
    expect(retryDelayMs(schedule, 1)).toBeLessThanOrEqual(60_000);
    const delays: number[] = [];
    for (let attempt = 1; ; attempt++) {
      const delay = retryDelayMs(schedule, attempt);
      if (delay === null) break;
      delays.push(delay);
    }
    expect(delays.length + 1).toBeGreaterThanOrEqual(8);
    expect(delays.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(24 * 3_600_000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(schedule.backoffMaxMs);
  });

  it('stops after the last attempt', () => {
    expect(retryDelayMs({ maxAttempts: 3, backoffBaseMs: 100, backoffFactor: 2, backoffMaxMs: 150 }, 2)).toBe(150);
    expect(retryDelayMs({ maxAttempts: 3, backoffBaseMs: 100, backoffFactor: 2, backoffMaxMs: 150 }, 3)).toBeNull();
  });

  it('masks a secret down to its last four characters', () => {
    expect(maskSecret('0123456789abcdefWXYZ')).toBe('••••••••WXYZ');
  });
});
