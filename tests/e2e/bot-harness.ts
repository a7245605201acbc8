/**
 * Shared set-up for the end-to-end tests: a fake Discord, real services over a temp store, and the
 * real Discord transport (real discord.js client) logged in to the fake, dispatching through the
 * same `dispatchCommand` as src/main.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { commands as productCommands } from '../../commands/index.js';
import type { Command } from '../../src/core/command.js';
import type { CommandHandler } from '../../src/core/command-handler.js';
import { UserError } from '../../src/core/errors.js';
import { createMemoryLogger } from '../../src/core/logger.js';
import { reply } from '../../src/core/reply.js';
import {
  createDiscordTransport,
  type DiscordTransport,
  type DiscordTransportOptions,
} from '../../src/transports/discord/discord-transport.js';
import { makeTempDir, sampleArticle } from '../helpers/paths.js';
import { createTestServices, type TestServices } from '../helpers/test-services.js';
import {
  startFakeDiscord,
  type FakeDiscord,
  type FakeDiscordOptions,
  type FakeInteraction,
  type RecordedMessage,
} from './fake-discord/fake-discord.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Test-only commands built from the Command interface, to drive paths the product commands may not. */
export function testCommands(slowMs: number): Command[] {
  return [
    {
      data: new SlashCommandBuilder().setName('test-slow').setDescription('A command that says it is slow'),
      slow: true,
      execute: async () => {
        await sleep(slowMs);
        return reply({ title: 'Slow answer', text: 'Worth the wait.' });
      },
    },
    {
      data: new SlashCommandBuilder().setName('test-late').setDescription('A command that is slow without saying so'),
      execute: async () => {
        await sleep(slowMs);
        return reply({ title: 'Late answer', text: 'Deferred by the timer.' });
      },
    },
    {
      data: new SlashCommandBuilder().setName('test-slow-error').setDescription('A slow command ending in a user error'),
      slow: true,
      execute: async () => {
        await sleep(50);
        throw new UserError('nothing', 'Nothing found for @everyone.');
      },
    },
    {
      data: new SlashCommandBuilder()
        .setName('test-echo-error')
        .setDescription('A user error that echoes what was typed, as "No story matches …" does')
        .addStringOption((o) => o.setName('text').setDescription('Anything').setRequired(true)),
      execute: ({ options }) => Promise.reject(new UserError('no_match', `Nothing matches ${String(options.text)}.`)),
    },
    {
      data: new SlashCommandBuilder().setName('test-crash').setDescription('A command that crashes'),
      execute: () => Promise.reject(new Error('boom: the test command crashed')),
    },
    {
      data: new SlashCommandBuilder()
        .setName('test-pick')
        .setDescription('Pick a story by headline')
        .addStringOption((o) => o.setName('story').setDescription('Headline').setRequired(true).setAutocomplete(true)),
      execute: async ({ options, services }) => {
        const article = await services.store.stories.getById(String(options.story));
        return reply({ title: article?.headline ?? 'Unknown story', text: article ? article.body : 'No such id.' });
      },
      autocomplete: async ({ focused, services }) =>
        // Deliberately too many and too long: the transport must still answer within Discord's limits.
        (await services.store.stories.suggestHeadlines(focused.value, 50)).flatMap((s) =>
          Array.from({ length: 30 }, (_, i) => ({ name: `${s.headline} (${i}) `.repeat(5), value: s.id })),
        ),
    },
    {
      data: new SlashCommandBuilder().setName('test-whoami').setDescription('Who and where the caller is, as commands see it'),
      execute: ({ caller }) => Promise.resolve(reply({ title: 'Caller', text: `guild=${JSON.stringify(caller.guildId)}` })),
    },
    {
      data: new SlashCommandBuilder()
        .setName('test-configure')
        .setDescription('A guild-configuring command (Manage Server)')
        .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild),
      execute: ({ caller }) =>
        Promise.resolve(
          reply({ title: 'Configured', text: `canManageGuild=${String(caller.canManageGuild)} guild=${caller.guildId ?? 'none'}` }),
        ),
    },
  ];
}

/** An article whose headline and body try to ping everyone and a user, and use markdown. */
export function writeMentionArticle(dir: string): string {
  const file = path.join(dir, 'mentions.ndjson');
  const record = {
    title: 'Zanzibarite traders tell @everyone to watch the **markets**',
    text: 'Zanzibarite traders said on Monday that @everyone should watch prices. <@123> and <@&456> were named in the report. @here too. The market closed higher on the day.',
    date: '2017-09-10T08:00:00Z',
    source: 'Test Wire',
    url: 'https://example.com/zanzibarite',
  };
  fs.writeFileSync(file, `${JSON.stringify(record)}\n`);
  return file;
}

export interface Bot {
  fake: FakeDiscord;
  services: TestServices;
  transport: DiscordTransport;
  log: ReturnType<typeof createMemoryLogger>;
  registry: ReadonlyMap<string, Command>;
  statePath: string;
  tempDir: string;
  /** Build another transport against the same fake (e.g. a restart). */
  makeTransport(extra?: Partial<DiscordTransportOptions>): DiscordTransport;
  /** The app's one input-to-reply path, which every transport started here uses. */
  handler: CommandHandler;
  close(): Promise<void>;
}

export interface StartBotOptions {
  fake?: FakeDiscordOptions;
  slowMs?: number;
  deferAfterMs?: number;
  /** The product commands to serve; default: commands/index.ts. */
  commands?: readonly Command[];
  /** Guild for command registration; null registers globally. Default: the fake's first guild. */
  guildId?: string | null;
}

export async function startBot(options: StartBotOptions = {}): Promise<Bot> {
  const temp = makeTempDir('dateline-e2e-');
  const fake = await startFakeDiscord(options.fake);
  const all = [...(options.commands ?? productCommands), ...testCommands(options.slowMs ?? 1200)];
  const services = await createTestServices({ files: [sampleArticle, writeMentionArticle(temp.dir)], commands: all });
  const handler = services.app.handler;
  const registry = handler.registry;
  const log = createMemoryLogger();
  const statePath = path.join(temp.dir, 'discord-commands.json');
  const makeTransport = (extra: Partial<DiscordTransportOptions> = {}): DiscordTransport =>
    createDiscordTransport({
      token: fake.token,
      apiUrl: fake.apiUrl,
      guildId: options.guildId === undefined ? fake.guilds[0]!.id : options.guildId,
      log,
      commandsStatePath: statePath,
      deferAfterMs: options.deferAfterMs ?? 300,
      ...extra,
    });
  const transport = makeTransport();
  await transport.start(handler);
  return {
    fake,
    services,
    transport,
    log,
    registry,
    statePath,
    tempDir: temp.dir,
    makeTransport,
    handler,
    close: async () => {
      await transport.stop();
      await fake.close();
      await services.close();
      temp.cleanup();
    },
  };
}

/** The message the user finally sees for an interaction: the last follow-up, else the original response. */
export function finalMessage(interaction: FakeInteraction): RecordedMessage | null {
  return interaction.followups.at(-1) ?? (interaction.deleted ? null : interaction.original);
}

export async function answerOf(fake: FakeDiscord, interaction: FakeInteraction, timeoutMs = 4000): Promise<RecordedMessage> {
  return fake.waitFor(() => finalMessage(interaction), timeoutMs, `the answer to /${interaction.name}`);
}

export interface EmbedJson {
  title?: string;
  description?: string;
  url?: string;
  fields?: { name: string; value: string }[];
  footer?: { text: string };
  image?: { url: string };
}

export function embedsOf(message: RecordedMessage): EmbedJson[] {
  return (message.body.embeds ?? []) as EmbedJson[];
}

/** Everything a user could read in a message, for "does it mention X" assertions. */
export function textOf(message: RecordedMessage): string {
  const parts = [typeof message.body.content === 'string' ? message.body.content : ''];
  for (const e of embedsOf(message))
    parts.push(e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text ?? '');
  return parts.join('\n');
}
