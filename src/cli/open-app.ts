import { commands } from '../../commands/index.js';
import { appOptionsFromConfig, createApp, type App } from '../app.js';
import { systemClock, type Clock } from '../core/clock.js';
import { createLogger } from '../core/logger.js';
import { loadConfig, type Config } from '../config.js';
import type { CliIo } from './cli-io.js';

/** Config from env (+ `--db`), logs to stderr at warn so stdout stays clean for `--json`. */
export async function openCliApp(io: CliIo, dbPath: string | undefined, clock: Clock = systemClock): Promise<{ app: App; config: Config }> {
  const config = loadConfig(io.env, { dbPath }, io.cwd);
  const log = createLogger({
    level: config.logLevel === 'debug' ? 'debug' : 'warn',
    secrets: config.discord.token ? [config.discord.token] : [],
    write: (line) => io.stderr.write(`${line}\n`),
  });
  const app = await createApp(appOptionsFromConfig(config, { commands, clock, log }));
  return { app, config };
}
