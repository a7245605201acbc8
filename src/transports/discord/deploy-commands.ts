/**
 * `npm run deploy-commands`: push every `commands/*.ts` definition to Discord now, guild-scoped
 * when DISCORD_GUILD_ID is set (instant), global otherwise (may take a while to show up).
 * The bot also registers on start, but only when the definitions changed; this forces it.
 */
import 'dotenv/config';
import { pathToFileURL } from 'node:url';
import { REST, Routes } from 'discord.js';
import { commands } from '../../../commands/index.js';
import type { CommandJson } from '../../core/command.js';
import { createCommandRegistry } from '../../core/dispatch.js';
import { createLogger, type Logger } from '../../core/logger.js';
import { ConfigError, loadConfig } from '../../config.js';
import { defaultCommandsStatePath, registerCommands, type RegisterCommandsResult } from './register-commands.js';

export interface DeployCommandsOptions {
  token: string;
  /** Looked up with GET /applications/@me when not given. */
  applicationId: string | null;
  guildId: string | null;
  apiUrl: string | null;
  definitions: readonly CommandJson[];
  statePath: string | null;
  log: Logger;
}

export async function deployCommands(options: DeployCommandsOptions): Promise<RegisterCommandsResult> {
  const rest = new REST(options.apiUrl ? { api: options.apiUrl } : {}).setToken(options.token);
  const applicationId = options.applicationId ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
  return registerCommands({
    rest,
    applicationId,
    guildId: options.guildId,
    definitions: options.definitions,
    statePath: options.statePath,
    force: true,
    log: options.log,
  });
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const token = config.discord.token;
  if (!token) throw new ConfigError(['DISCORD_TOKEN: required to deploy commands (the bot token from the Developer Portal)']);
  const log = createLogger({ level: config.logLevel, secrets: [token] });
  // The same checks as start-up: duplicate names or malformed commands fail here too.
  const registry = createCommandRegistry(commands);
  const result = await deployCommands({
    token,
    applicationId: config.discord.applicationId,
    guildId: config.discord.guildId,
    apiUrl: config.discord.apiUrl,
    definitions: [...registry.values()].map((c) => c.data.toJSON()),
    statePath: defaultCommandsStatePath(config.cacheDir),
    log,
  });
  process.stdout.write(`Registered ${result.count} commands (${result.scope}).\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(
        error instanceof ConfigError
          ? `${error.message}\n`
          : `deploy-commands failed: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
