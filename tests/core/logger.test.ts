import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/core/logger.js';

describe('createLogger', () => {
  const token = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.secret-token-value';

  it('writes one JSON object per line with level, time and fields', () => {
    const lines: string[] = [];
    const log = createLogger({ write: (l) => lines.push(l), now: () => new Date('2020-01-01T00:00:00Z') });
    log.info('ready', { guilds: 3 });
    log.debug('hidden');
    expect(lines.map((l): unknown => JSON.parse(l))).toEqual([
      { time: '2020-01-01T00:00:00.000Z', level: 'info', msg: 'ready', guilds: 3 },
    ]);
  });

  it('never writes the token, whether as a field, inside a message or inside an error', () => {
    const lines: string[] = [];
    const log = createLogger({ write: (l) => lines.push(l), secrets: [token] });
    log.error(`login failed with ${token}`, {
      token,
      authorization: `Bot ${token}`,
      error: new Error(`bad ${token}`),
      nested: { t: token },
    });
    const out = lines.join('\n');
    expect(out).not.toContain(token);
    expect(out).toContain('[redacted]');
  });

  it('serialises errors with their stack', () => {
    const lines: string[] = [];
    createLogger({ write: (l) => lines.push(l) }).error('boom', { error: new TypeError('x') });
    expect((JSON.parse(lines[0]!) as { error: unknown }).error).toMatchObject({ name: 'TypeError', message: 'x' });
    expect((JSON.parse(lines[0]!) as { error: { stack: string } }).error.stack).toMatch(/TypeError: x/);
  });
});
