import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('gives defaults under data/ with no environment', () => {
    const config = loadConfig({}, {}, '/srv/bot');
    expect(config).toMatchObject({
      discord: { token: null, guildId: null, apiUrl: null, applicationId: null },
      dbPath: path.resolve('/srv/bot/data/dateline.db'),
      dataDir: path.resolve('/srv/bot/data'),
      timezone: 'UTC',
      logLevel: 'info',
      shellChannelId: 'shell',
    });
  });

  it('takes the store from --db, else DATELINE_DB, else the default', () => {
    expect(loadConfig({ DATELINE_DB: 'env.db' }, { dbPath: 'flag.db' }, '/x').dbPath).toBe(path.resolve('/x/flag.db'));
    expect(loadConfig({ DATELINE_DB: 'env.db' }, {}, '/x').dbPath).toBe(path.resolve('/x/env.db'));
    expect(loadConfig({ DATELINE_DB: '' }, {}, '/x').dbPath).toBe(path.resolve('/x/data/dateline.db'));
  });

  it('takes the analyzer threads of bulk ingest: one per core unless a count is given, 0 inline', () => {
    expect(loadConfig({}, {}, '/x').ingestThreads).toBeNull();
    expect(loadConfig({ DATELINE_INGEST_THREADS: '0' }, {}, '/x').ingestThreads).toBe(0);
    expect(loadConfig({ DATELINE_INGEST_THREADS: '3' }, {}, '/x').ingestThreads).toBe(3);
    expect(() => loadConfig({ DATELINE_INGEST_THREADS: 'many' }, {}, '/x')).toThrow(/DATELINE_INGEST_THREADS/);
    expect(() => loadConfig({ DATELINE_INGEST_THREADS: '99' }, {}, '/x')).toThrow(/0-16 threads/);
  });

  it('lists every problem in one error', () => {
    let error: unknown;
    try {
      loadConfig({ DATELINE_TZ: 'Mars/Olympus', DISCORD_GUILD_ID: 'abc', DISCORD_API_URL: 'not a url', DATELINE_LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/DATELINE_TZ: must be an IANA time zone/);
    expect(problems).toMatch(/DISCORD_GUILD_ID: must be a Discord id/);
    expect(problems).toMatch(/DISCORD_API_URL: must be a URL/);
    expect(problems).toMatch(/DATELINE_LOG_LEVEL/);
    expect((error as Error).message).toMatch(/\.env\.example/);
  });

  it('reads the HTTP interactions port and public key (issue 20), refusing malformed ones', () => {
    expect(loadConfig({}, {}, '/x').http).toEqual({ port: null, publicKey: null });
    const key = 'AB'.repeat(32);
    expect(loadConfig({ DATELINE_HTTP_PORT: '8080', DISCORD_PUBLIC_KEY: key }, {}, '/x').http).toEqual({
      port: 8080,
      publicKey: key.toLowerCase(),
    });
    const bad = (): unknown => loadConfig({ DATELINE_HTTP_PORT: 'eighty', DISCORD_PUBLIC_KEY: 'abc' }, {}, '/x');
    expect(bad).toThrow(/DISCORD_PUBLIC_KEY: must be the 64 hex digits/);
    expect(bad).toThrow(/DATELINE_HTTP_PORT/);
    expect(() => loadConfig({ DATELINE_HTTP_PORT: '70000' }, {}, '/x')).toThrow(/TCP port/);
  });

  it('accepts a full Discord setup', () => {
    const config = loadConfig({
      DISCORD_TOKEN: ' abc.def.ghi ',
      DISCORD_GUILD_ID: '123456789012345678',
      DISCORD_API_URL: 'http://127.0.0.1:9999/api',
      DATELINE_TZ: 'Europe/London',
    });
    expect(config.discord).toEqual({
      token: 'abc.def.ghi',
      guildId: '123456789012345678',
      apiUrl: 'http://127.0.0.1:9999/api',
      applicationId: null,
    });
    expect(config.timezone).toBe('Europe/London');
  });

  describe('shards (issue 17)', () => {
    it('has no shard settings by default: discord.js runs every shard of one process', () => {
      expect(loadConfig({}, {}, '/x').sharding).toBeNull();
    });

    it('takes SHARD_IDS of SHARD_COUNT: this machine runs those shards', () => {
      expect(loadConfig({ SHARD_COUNT: '4', SHARD_IDS: '0,1' }, {}, '/x').sharding).toEqual({ count: 4, ids: [0, 1] });
      expect(loadConfig({ SHARD_COUNT: '4', SHARD_IDS: ' 3, 2 ' }, {}, '/x').sharding).toEqual({ count: 4, ids: [2, 3] });
      expect(loadConfig({ SHARD_COUNT: '2' }, {}, '/x').sharding).toEqual({ count: 2, ids: [0, 1] });
      // start:sharded's children keep working: the manager hands each its id in SHARDS.
      expect(loadConfig({ SHARD_COUNT: '4', SHARDS: '2' }, {}, '/x').sharding).toEqual({ count: 4, ids: [2] });
      expect(loadConfig({ SHARD_COUNT: '4', SHARDS: '[1,3]' }, {}, '/x').sharding).toEqual({ count: 4, ids: [1, 3] });
    });

    it.each([
      [{ SHARD_IDS: '0,1' }, /SHARD_IDS: needs SHARD_COUNT/],
      [{ SHARD_COUNT: '4', SHARD_IDS: '0,4' }, /SHARD_IDS: shard 4 does not exist with SHARD_COUNT=4 \(ids are 0-3\)/],
      [{ SHARD_COUNT: '4', SHARD_IDS: '1,1' }, /SHARD_IDS: shard 1 is listed twice/],
      [{ SHARD_COUNT: '4', SHARD_IDS: 'one' }, /SHARD_IDS: "one" is not a shard id/],
      [{ SHARD_COUNT: '4', SHARD_IDS: '-1' }, /SHARD_IDS: "-1" is not a shard id/],
      [{ SHARD_COUNT: '0', SHARD_IDS: '0' }, /SHARD_COUNT: must be a whole number ≥ 1/],
      [{ SHARD_COUNT: 'lots' }, /SHARD_COUNT: must be a whole number ≥ 1/],
    ])('refuses %j at start-up with the reason', (env, message) => {
      expect(() => loadConfig(env, {}, '/x')).toThrow(ConfigError);
      expect(() => loadConfig(env, {}, '/x')).toThrow(message);
    });

    it('lists a shard problem with the other problems in one error', () => {
      expect(() => loadConfig({ SHARD_COUNT: '2', SHARD_IDS: '5', DATELINE_TZ: 'Mars/Olympus' }, {}, '/x')).toThrow(
        /DATELINE_TZ[\s\S]*SHARD_IDS: shard 5/,
      );
    });
  });
});
