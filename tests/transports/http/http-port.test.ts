import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { DEFAULT_HTTP_PORT, httpPortFromArgs } from '../../../src/transports/http/http-port.js';

const KEY = 'ab'.repeat(32);

describe('httpPortFromArgs', () => {
  it.each([
    ['no flag, no env: gateway or shell as before', {}, {}, null],
    ['--http alone: the default port', { http: true }, { DISCORD_PUBLIC_KEY: KEY }, DEFAULT_HTTP_PORT],
    ['--http --port 9000', { http: true, port: '9000' }, { DISCORD_PUBLIC_KEY: KEY }, 9000],
    ['--http --port 0: any free port', { http: true, port: '0' }, { DISCORD_PUBLIC_KEY: KEY }, 0],
    ['DATELINE_HTTP_PORT alone turns it on', {}, { DISCORD_PUBLIC_KEY: KEY, DATELINE_HTTP_PORT: '7000' }, 7000],
    ['--port beats DATELINE_HTTP_PORT', { port: '9001' }, { DISCORD_PUBLIC_KEY: KEY, DATELINE_HTTP_PORT: '7000' }, 9001],
    ['--http with DATELINE_HTTP_PORT', { http: true }, { DISCORD_PUBLIC_KEY: KEY, DATELINE_HTTP_PORT: '7000' }, 7000],
  ])('%s', (_name, values, env, expected) => {
    expect(httpPortFromArgs(values, loadConfig(env, {}, '/x'))).toBe(expected);
  });

  it('needs DISCORD_PUBLIC_KEY to serve HTTP interactions', () => {
    expect(() => httpPortFromArgs({ http: true }, loadConfig({}, {}, '/x'))).toThrow(/DISCORD_PUBLIC_KEY: required/);
  });

  it('refuses a --port that is not a port, with every problem at once', () => {
    expect(() => httpPortFromArgs({ http: true, port: 'http' }, loadConfig({}, {}, '/x'))).toThrow(
      /--port: must be a TCP port[\s\S]*DISCORD_PUBLIC_KEY/,
    );
    expect(() => httpPortFromArgs({ http: true, port: '65536' }, loadConfig({ DISCORD_PUBLIC_KEY: KEY }, {}, '/x'))).toThrow(/--port/);
  });
});
