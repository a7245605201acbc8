/**
 * Slash-command registration from the same `commands/*.ts` definitions. Guild-scoped when a guild
 * id is given (instant, for development), global otherwise. On start it pushes only when the
 * definitions' hash changed since the last push, so restarts do not spend Discord's
 * command-create rate limit (200 a day); `npm run deploy-commands` forces it.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Routes, type REST } from 'discord.js';
import type { CommandJson } from '../../core/command.js';
import type { Logger } from '../../core/logger.js';

/** JSON with object keys sorted, so the hash does not depend on builder property order. */
function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function commandsHash(definitions: readonly CommandJson[]): string {
  const sorted = [...definitions].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return createHash('sha256').update(stableStringify(sorted)).digest('hex');
}

export interface RegisterCommandsOptions {
  rest: REST;
  applicationId: string;
  guildId: string | null;
  definitions: readonly CommandJson[];
  /** JSON file remembering the last pushed hash per application and scope; null: always push. */
  statePath: string | null;
  /** Push even when the hash is unchanged (`npm run deploy-commands`). */
  force?: boolean;
  log: Logger;
}

export interface RegisterCommandsResult {
  registered: boolean;
  scope: string;
  hash: string;
  count: number;
}

async function readState(path: string): Promise<Record<string, string>> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
    }
  } catch {
    // Missing or unreadable state just means "push once".
  }
  return {};
}

export async function registerCommands(options: RegisterCommandsOptions): Promise<RegisterCommandsResult> {
  const { rest, applicationId, guildId, definitions, statePath, log } = options;
  const hash = commandsHash(definitions);
  const scope = guildId ? `guild ${guildId}` : 'global';
  const key = `${applicationId}:${guildId ?? 'global'}`;
  const state = statePath ? await readState(statePath) : {};
  if (!options.force && state[key] === hash) {
    log.info('slash commands unchanged, not re-registering', { scope, count: definitions.length });
    return { registered: false, scope, hash, count: definitions.length };
  }
  // One bulk overwrite: adds, updates and removes in a single request.
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  await rest.put(route, { body: definitions });
  log.info('slash commands registered', { scope, count: definitions.length });
  if (statePath) {
    try {
      await mkdir(dirname(statePath), { recursive: true });
      await writeFile(statePath, JSON.stringify({ ...state, [key]: hash }, null, 2) + '\n');
    } catch (error) {
      log.warn('could not save the command registration state', { statePath, error });
    }
  }
  return { registered: true, scope, hash, count: definitions.length };
}

/** Where the bot and `npm run deploy-commands` remember the last pushed hash (under the git-ignored cache dir). */
export function defaultCommandsStatePath(cacheDir: string): string {
  return join(cacheDir, 'registered-commands.json');
}
