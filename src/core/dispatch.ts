import { randomBytes } from 'node:crypto';
import type { AutocompleteContext, Choice, Command, CommandContext } from './command.js';
import { isUserError } from './errors.js';
import { reply, type Reply } from './reply.js';
import type { Services } from './services.js';
import { storeSeenBy } from '../store/seen-by.js';

/** Build the name → command map, failing fast on a duplicate name or a piece without `data`/`execute`. */
export function createCommandRegistry(commands: readonly Command[]): ReadonlyMap<string, Command> {
  const registry = new Map<string, Command>();
  for (const command of commands) {
    if (!command || typeof command.execute !== 'function' || !command.data || typeof command.data.toJSON !== 'function') {
      throw new Error(`Invalid command: every command must export "data" (a slash command definition) and "execute"`);
    }
    const name = command.data.name;
    if (registry.has(name)) throw new Error(`Duplicate command name: /${name}`);
    registry.set(name, command);
  }
  return registry;
}

/**
 * The services as the caller's server may use them: with DATELINE_FEED_STORIES=own-server, the store
 * whose counts and names leave out what only other servers' feeds brought (`storeSeenBy`), so no
 * command shows a number or a name made of another server's private stories. The operator (no guild)
 * and the default `shared` setting get the services as they are.
 */
export function servicesFor(services: Services, guildId: string | null | undefined): Services {
  if (guildId === null || guildId === undefined || !services.feeds.hidesStoriesFrom(guildId)) return services;
  return { ...services, store: storeSeenBy(services.store, guildId) };
}

/** A short id that ties what the user sees to the log line with the stack. */
export function newErrorId(): string {
  return randomBytes(4).toString('hex');
}

/**
 * Run one command: user errors become normal error replies, anything else is logged with an error id
 * and becomes a short ephemeral apology. The one place errors are caught.
 */
export async function dispatchCommand(registry: ReadonlyMap<string, Command>, name: string, ctx: CommandContext): Promise<Reply> {
  const command = registry.get(name);
  if (!command) {
    const known = [...registry.keys()].map((n) => `/${n}`).join(', ');
    return reply({
      text: `Unknown command /${name}. Commands: ${known}`,
      isError: true,
      ephemeral: true,
      data: { error: 'unknown_command' },
    });
  }
  try {
    return await command.execute({ ...ctx, services: servicesFor(ctx.services, ctx.caller.guildId) });
  } catch (error) {
    if (isUserError(error)) {
      return reply({ text: error.message, isError: true, ephemeral: true, data: error.data ?? { error: error.code } });
    }
    const errorId = newErrorId();
    ctx.services.log.error('command failed', { command: name, errorId, error });
    return reply({
      text: `Something went wrong while running /${name} (error id ${errorId}). It has been logged.`,
      isError: true,
      ephemeral: true,
      data: { error: 'internal', errorId },
    });
  }
}

/** Answer an autocomplete; failures answer nothing rather than break typing. */
export async function dispatchAutocomplete(
  registry: ReadonlyMap<string, Command>,
  name: string,
  ctx: AutocompleteContext,
): Promise<Choice[]> {
  const command = registry.get(name);
  if (!command?.autocomplete) return [];
  try {
    const choices = await command.autocomplete({ ...ctx, services: servicesFor(ctx.services, ctx.guildId) });
    return choices.slice(0, 25).map((c) => ({ name: c.name.slice(0, 100), value: c.value.slice(0, 100) }));
  } catch (error) {
    ctx.services.log.warn('autocomplete failed', { command: name, error });
    return [];
  }
}

/** Crash vs. answer, for `dateline ask` exit codes. */
export function isCrashReply(r: Reply): boolean {
  return r.isError === true && typeof r.data === 'object' && r.data !== null && (r.data as { error?: unknown }).error === 'internal';
}
