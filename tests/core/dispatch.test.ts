import { SlashCommandBuilder } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { Command, CommandContext } from '../../src/core/command.js';
import { createCommandRegistry, dispatchAutocomplete, dispatchCommand, isCrashReply } from '../../src/core/dispatch.js';
import { UserError } from '../../src/core/errors.js';
import { createMemoryLogger } from '../../src/core/logger.js';
import { reply } from '../../src/core/reply.js';
import type { Services } from '../../src/core/services.js';

const command = (name: string, execute: Command['execute'], autocomplete?: Command['autocomplete']): Command => ({
  data: new SlashCommandBuilder().setName(name).setDescription(name),
  execute,
  ...(autocomplete ? { autocomplete } : {}),
});

function ctx(log = createMemoryLogger()): CommandContext {
  return {
    options: {},
    subcommand: null,
    caller: { userId: 'u', userName: 'u', channelId: 'c', guildId: null, canManageGuild: false },
    services: { log } as unknown as Services,
  };
}

describe('command registry', () => {
  it('refuses duplicates and pieces without data or execute', () => {
    const ok = command('a', () => Promise.resolve(reply({ text: 'a' })));
    expect(() => createCommandRegistry([ok, ok])).toThrow(/Duplicate command name: \/a/);
    expect(() => createCommandRegistry([{ data: ok.data } as unknown as Command])).toThrow(/must export "data"/);
    expect(createCommandRegistry([ok]).get('a')).toBe(ok);
  });
});

describe('dispatchCommand', () => {
  it('turns a UserError into a normal error reply with its data', async () => {
    const registry = createCommandRegistry([
      command('a', () => Promise.reject(new UserError('no_match', 'No article matches "x"', { results: [] }))),
    ]);
    const r = await dispatchCommand(registry, 'a', ctx());
    expect(r).toMatchObject({ text: 'No article matches "x"', isError: true, data: { results: [] } });
    expect(isCrashReply(r)).toBe(false);
  });

  it('logs a crash with an error id and shows only the id and an apology', async () => {
    const log = createMemoryLogger();
    const registry = createCommandRegistry([command('a', () => Promise.reject(new Error('secret internals')))]);
    const r = await dispatchCommand(registry, 'a', ctx(log));
    expect(r.ephemeral).toBe(true);
    expect(r.text).not.toContain('secret internals');
    const errorId = (r.data as { errorId: string }).errorId;
    expect(r.text).toContain(errorId);
    expect(log.entries[0]).toMatchObject({ level: 'error', errorId, command: 'a' });
    expect(isCrashReply(r)).toBe(true);
  });

  it('answers an unknown command with the list of known ones', async () => {
    const r = await dispatchCommand(createCommandRegistry([command('a', () => Promise.resolve(reply({ text: 'a' })))]), 'zzz', ctx());
    expect(r.text).toMatch(/Unknown command \/zzz.*\/a/);
  });
});

describe('dispatchAutocomplete', () => {
  it('caps choices at 25 and names at 100 characters, and swallows failures', async () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ name: `${'x'.repeat(150)}${i}`, value: String(i) }));
    const registry = createCommandRegistry([
      command(
        'a',
        () => Promise.resolve(reply({ text: '' })),
        () => Promise.resolve(many),
      ),
      command(
        'b',
        () => Promise.resolve(reply({ text: '' })),
        () => Promise.reject(new Error('db down')),
      ),
    ]);
    const base = { options: {}, subcommand: null, focused: { name: 'q', value: '' }, services: ctx().services };
    const choices = await dispatchAutocomplete(registry, 'a', base);
    expect(choices).toHaveLength(25);
    expect(Math.max(...choices.map((c) => c.name.length))).toBe(100);
    expect(await dispatchAutocomplete(registry, 'b', base)).toEqual([]);
  });
});
