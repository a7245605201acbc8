/** `npm start -- --http`: the HTTP transport built from config, so the composition root stays a few lines. */
import path from 'node:path';
import { REST } from 'discord.js';
import type { App } from '../../app.js';
import { ConfigError, type Config } from '../../config.js';
import type { Logger } from '../../core/logger.js';
import type { SendTarget } from '../transport.js';
import { createHttpTransport, type HttpTransport } from './http-transport.js';

export interface HttpMode {
  transport: HttpTransport;
  /** Digests and feed posts go out over REST to guild channels, when there is a bot token to post with. */
  ownsTarget: (target: SendTarget) => boolean;
}

export function createHttpMode(config: Config, port: number, app: App, log: Logger): HttpMode {
  if (!config.http.publicKey) throw new ConfigError(['DISCORD_PUBLIC_KEY: required with --http (General Information → Public Key)']);
  const token = config.discord.token;
  const rest = new REST(config.discord.apiUrl ? { api: config.discord.apiUrl } : {});
  if (token) rest.setToken(token);
  else log.warn('no DISCORD_TOKEN: answering interactions only (no command registration, digests or feed posts)');
  rest.on('rateLimited', (info) =>
    log.warn('rate limited by Discord', { route: info.route, retryAfterMs: info.retryAfter, global: info.global }),
  );
  const transport = createHttpTransport({
    port,
    publicKey: config.http.publicKey,
    commands: [...app.registry.values()],
    services: app.services,
    log,
    rest,
    hasToken: token !== null,
    registration: {
      applicationId: config.discord.applicationId,
      guildId: config.discord.guildId,
      statePath: path.join(config.cacheDir, 'registered-commands.json'),
    },
  });
  return { transport, ownsTarget: (target) => token !== null && target.guildId !== null };
}
