/**
 * The Discord transport: discord.js v14 with the Guilds intent only (slash commands need no
 * message content). Chat-input interactions go to the app's one command handler (as the shell's lines do) and
 * their Reply views are rendered as embeds; autocomplete takes the same handler.
 * All Discord-specific code lives under `src/transports/discord/` (MonitoRSS ADR-008).
 */
import {
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  MessagePayload,
  PermissionFlagsBits,
  REST,
  Routes,
  type APIMessage,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type ClientOptions,
  type Interaction,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type MessageCreateOptions,
} from 'discord.js';
import { NO_SERVER, type ChannelDirectory } from '../../core/command.js';
import type { CommandHandler } from '../../core/command-handler.js';
import { newErrorId } from '../../core/dispatch.js';
import type { Logger } from '../../core/logger.js';
import { reply as makeReply, type Reply } from '../../core/reply.js';
import {
  SendCancelledError,
  transportErrorReply,
  type IncomingCommand,
  type SendOptions,
  type SendTarget,
  type SentMessage,
  type Transport,
} from '../transport.js';
import { flattenOptions } from './interaction-options.js';
import { registerCommands, type RegisterCommandsResult } from './register-commands.js';
import { messageSearchText, renderChoices, renderReply, type RenderedMessage } from './render-embed.js';
import { ownsGuildOnShards } from './shard-ownership.js';

export interface DiscordTransportOptions {
  token: string;
  /** The application (client) id; read from the gateway READY when not given. */
  applicationId?: string | null;
  /** Register commands in this guild only (instant, for development); global when null. */
  guildId?: string | null;
  /** REST base URL instead of https://discord.com/api (a REST proxy, or the tests' fake Discord). */
  apiUrl?: string | null;
  log: Logger;
  /** Where the hash of the last registered definitions is kept; null: register on every start. */
  commandsStatePath?: string | null;
  /** Register slash commands on start (only when changed). Default true. */
  registerOnStart?: boolean;
  /** A command not marked `slow` is deferred anyway when it has not answered after this long. Default 2,000 ms. */
  deferAfterMs?: number;
  /** Autocomplete must answer within Discord's 3 s: give up (answer nothing) after this. Default 2,000 ms. */
  autocompleteTimeoutMs?: number;
  /** How long stop() waits for in-flight replies. Default 10 s. */
  shutdownTimeoutMs?: number;
  /** How long a REST call may take before discord.js aborts it (discord.js default: 15 s). */
  restTimeoutMs?: number;
  /** Extra discord.js client options (shards, shardCount); intents and REST base are set here. */
  clientOptions?: Partial<Pick<ClientOptions, 'shards' | 'shardCount'>>;
}

/** A message already in a channel, for checking whether a digest was posted before a crash. */
export interface RecentMessage {
  id: string;
  fromSelf: boolean;
  createdAt: string;
  /** Content, embed titles, descriptions, field texts and footers, joined by newlines, markdown escapes removed. */
  text: string;
}

export interface DiscordTransport extends Transport {
  /** True when this process's shard owns the guild: per-guild work (digests) runs only there. */
  ownsGuild(guildId: string): boolean;
  /** The channel's newest messages, newest first (≤ 100). */
  recentMessages(target: SendTarget, limit: number): Promise<RecentMessage[]>;
  /** The newest of this bot's recent messages whose text holds `marker` (the digest ledger's crash check). */
  findRecentMessage(target: SendTarget, marker: string): Promise<SentMessage | null>;
  /** The result of the start-up registration (null before start or when disabled). */
  readonly registration: RegisterCommandsResult | null;
  /** The underlying client, for diagnostics and the sharding entry point. */
  readonly client: Client;
}

/** How far back findRecentMessage looks: a day's digests of one channel fit easily. */
const MARKER_SEARCH_LIMIT = 50;

export const REFUSED_IN_DMS = 'This command configures a server, so it only works in a server channel.';
export const SHUTTING_DOWN = 'Dateline is restarting; please try again in a moment.';

/** The parts every kind of message shares: content, embeds, files, and no pings. */
function baseOptions(rendered: RenderedMessage): MessageCreateOptions & InteractionEditReplyOptions {
  const options: MessageCreateOptions & InteractionEditReplyOptions = {
    embeds: rendered.embeds,
    files: rendered.files.map((f) => ({ attachment: f.data, name: f.name, ...(f.description ? { description: f.description } : {}) })),
    allowedMentions: { parse: [], repliedUser: false },
  };
  if (rendered.content !== undefined) options.content = rendered.content;
  return options;
}

/** A reply or follow-up: may be ephemeral. */
function replyOptions(rendered: RenderedMessage): InteractionReplyOptions {
  const { content, embeds, files, allowedMentions } = baseOptions(rendered);
  return {
    ...(content !== undefined && content !== null ? { content } : {}),
    embeds: embeds ?? [],
    files: files ?? [],
    allowedMentions: allowedMentions ?? { parse: [] },
    ...(rendered.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

export function createDiscordTransport(options: DiscordTransportOptions): DiscordTransport {
  const { log } = options;
  const deferAfterMs = options.deferAfterMs ?? 2000;
  const autocompleteTimeoutMs = options.autocompleteTimeoutMs ?? 2000;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    // Defence in depth: even a payload built elsewhere pings nobody.
    allowedMentions: { parse: [], repliedUser: false },
    rest: { ...(options.apiUrl ? { api: options.apiUrl } : {}), ...(options.restTimeoutMs ? { timeout: options.restTimeoutMs } : {}) },
    ...options.clientOptions,
  });
  // Posts that must appear once go through a REST client that never retries by itself: discord.js
  // retries a POST after a timeout or a 5xx, and Discord may have created the message already.
  // The caller decides, after looking in the channel; the nonce makes a repeat harmless meanwhile.
  const onceRest = new REST({
    retries: 0,
    ...(options.apiUrl ? { api: options.apiUrl } : {}),
    ...(options.restTimeoutMs ? { timeout: options.restTimeoutMs } : {}),
  }).setToken(options.token);
  const inFlight = new Set<Promise<void>>();
  let handler: CommandHandler | null = null;
  let accepting = false;
  let registration: RegisterCommandsResult | null = null;

  /** Commands check channel options against the caller's guild with this, not with discord.js objects. */
  const channels: ChannelDirectory = {
    async guildOf(channelId) {
      if (!/^\d{17,20}$/.test(channelId)) return undefined;
      try {
        const channel = await client.channels.fetch(channelId);
        if (!channel) return undefined;
        return 'guildId' in channel && typeof channel.guildId === 'string' ? channel.guildId : null;
      } catch {
        // Unknown, or in a server the bot cannot see: not the caller's either way.
        return undefined;
      }
    },
  };

  const track = (work: Promise<void>): void => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };

  /** Answer with an ephemeral apology after a transport-level failure, however far the answer got. */
  async function apologise(interaction: ChatInputCommandInteraction, errorId: string): Promise<void> {
    const payload = replyOptions(renderReply(transportErrorReply(errorId)));
    try {
      if (interaction.deferred || interaction.replied) await interaction.followUp(payload);
      else await interaction.reply(payload);
    } catch (error) {
      log.error('could not tell the user about a failure', { errorId, error });
    }
  }

  async function deliver(interaction: ChatInputCommandInteraction, deferral: Promise<unknown> | null, result: Reply): Promise<void> {
    const rendered = renderReply(result);
    if (!deferral) {
      await interaction.reply(replyOptions(rendered));
      return;
    }
    await deferral;
    if (rendered.ephemeral) {
      // A public deferral cannot become ephemeral: remove the "thinking…" message, answer privately.
      await interaction.deleteReply();
      await interaction.followUp(replyOptions(rendered));
    } else {
      await interaction.editReply(baseOptions(rendered));
    }
  }

  async function handleChatInput(interaction: ChatInputCommandInteraction): Promise<void> {
    const command = handler?.registry.get(interaction.commandName);
    const started = Date.now();
    try {
      if (!accepting || !handler) {
        await interaction.reply(replyOptions(renderReply(makeReply({ text: SHUTTING_DOWN, isError: true, ephemeral: true }))));
        return;
      }
      const definition = command?.data.toJSON();
      if (!interaction.inGuild() && definition?.default_member_permissions != null) {
        await interaction.reply(replyOptions(renderReply(makeReply({ text: REFUSED_IN_DMS, isError: true, ephemeral: true }))));
        return;
      }
      const { subcommand, options: values } = flattenOptions(interaction.options.data);
      const incoming: IncomingCommand = {
        name: interaction.commandName,
        subcommand,
        options: values,
        caller: {
          userId: interaction.user.id,
          userName: interaction.user.username,
          channelId: interaction.channelId,
          guildId: interaction.guildId ?? NO_SERVER,
          canManageGuild: interaction.inGuild() && (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false),
          channels,
        },
      };

      // Slow commands defer at once; any other command defers if it has not answered in time.
      let deferral: Promise<unknown> | null = null;
      const defer = (): Promise<unknown> => (deferral ??= interaction.deferReply());
      let timer: NodeJS.Timeout | null = null;
      if (command?.slow) {
        await defer();
      } else {
        timer = setTimeout(() => {
          defer().catch((error: unknown) => log.warn('deferring the reply failed', { command: interaction.commandName, error }));
        }, deferAfterMs);
      }
      let result: Reply;
      try {
        result = await handler.answer(incoming);
      } finally {
        if (timer) clearTimeout(timer);
      }
      await deliver(interaction, deferral, result);
      log.debug('answered', {
        command: interaction.commandName,
        interactionId: interaction.id,
        guildId: interaction.guildId,
        ms: Date.now() - started,
        deferred: deferral !== null,
      });
    } catch (error) {
      const errorId = newErrorId();
      log.error('answering an interaction failed', { command: interaction.commandName, interactionId: interaction.id, errorId, error });
      await apologise(interaction, errorId);
    }
  }

  async function handleAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    try {
      const focused = interaction.options.getFocused(true);
      const { subcommand, options: values } = flattenOptions(interaction.options.data);
      if (!handler) return;
      const request = {
        name: interaction.commandName,
        options: values,
        subcommand,
        focused: { name: focused.name, value: String(focused.value) },
        guildId: interaction.guildId ?? NO_SERVER,
      };
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<[]>((resolve) => {
        timer = setTimeout(() => resolve([]), autocompleteTimeoutMs);
      });
      const choices = await Promise.race([handler.complete(request), timeout]);
      clearTimeout(timer);
      await interaction.respond(renderChoices(choices));
    } catch (error) {
      log.warn('autocomplete failed', { command: interaction.commandName, error });
    }
  }

  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    if (interaction.isChatInputCommand()) track(handleChatInput(interaction));
    else if (interaction.isAutocomplete()) track(handleAutocomplete(interaction));
  });
  client.on(Events.Error, (error) => log.error('discord client error', { error }));
  client.on(Events.ShardDisconnect, (event, shardId) => log.warn('gateway disconnected for good', { shardId, code: event.code }));
  client.on(Events.ShardResume, (shardId, replayed) => log.info('gateway resumed', { shardId, replayed }));
  client.rest.on('rateLimited', (info) =>
    log.warn('rate limited by Discord', { route: info.route, retryAfterMs: info.retryAfter, global: info.global }),
  );

  function shardInfo(): { shards: readonly number[] | 'auto'; count: number } {
    const { shards, shardCount } = client.options;
    return { shards: Array.isArray(shards) ? shards : typeof shards === 'number' ? [shards] : 'auto', count: shardCount ?? 1 };
  }

  return {
    client,
    get registration() {
      return registration;
    },

    async start(commandHandler) {
      handler = commandHandler;
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(options.token);
      await ready;
      accepting = true;
      const { shards } = shardInfo();
      log.info('connected to Discord', { user: client.user?.tag, guilds: client.guilds.cache.size, shards });
      // Under the ShardingManager only the process holding shard 0 registers.
      if ((options.registerOnStart ?? true) && (shards === 'auto' || shards.includes(0))) {
        const applicationId = options.applicationId ?? client.application?.id;
        if (!applicationId) throw new Error('Discord application id unknown: set DISCORD_APPLICATION_ID');
        registration = await registerCommands({
          rest: client.rest,
          applicationId,
          guildId: options.guildId ?? null,
          definitions: [...commandHandler.definitions.values()],
          statePath: options.commandsStatePath ?? null,
          log,
        });
      }
    },

    async send(target: SendTarget, reply: Reply, sendOptions: SendOptions = {}): Promise<SentMessage> {
      if (!client.isReady()) throw new Error('Discord transport not started');
      // A guild on another process's shard is not in this client's cache: REST reaches its channels all the same.
      const channel = await client.channels.fetch(target.channelId, { allowUnknownGuild: true });
      if (!channel || !channel.isSendable()) throw new Error(`Channel ${target.channelId} cannot receive messages`);
      const message = baseOptions(renderReply(reply));
      if (sendOptions.nonce === undefined) {
        if (sendOptions.beforeSend && !(await sendOptions.beforeSend())) throw new SendCancelledError();
        const sent = await channel.send(message);
        return { id: sent.id };
      }
      // Exactly once: Discord's nonce with enforce_nonce (a repeat within minutes returns the first
      // message), and no automatic retry. The claim check is the last step before the POST.
      const payload = await MessagePayload.create(channel, { ...message, nonce: sendOptions.nonce, enforceNonce: true })
        .resolveBody()
        .resolveFiles();
      if (sendOptions.beforeSend && !(await sendOptions.beforeSend())) throw new SendCancelledError();
      const created = (await onceRest.post(Routes.channelMessages(channel.id), {
        body: payload.body,
        files: payload.files ?? [],
      })) as APIMessage;
      return { id: created.id };
    },

    async recentMessages(target: SendTarget, limit: number): Promise<RecentMessage[]> {
      if (!client.isReady()) throw new Error('Discord transport not started');
      const channel = await client.channels.fetch(target.channelId, { allowUnknownGuild: true });
      if (!channel || !channel.isTextBased()) throw new Error(`Channel ${target.channelId} has no messages`);
      const fetched = await channel.messages.fetch({ limit: Math.min(100, Math.max(1, limit)) });
      return [...fetched.values()]
        .sort((a, b) => b.createdTimestamp - a.createdTimestamp)
        .map((m) => ({
          id: m.id,
          fromSelf: m.author.id === client.user.id,
          createdAt: m.createdAt.toISOString(),
          text: messageSearchText(m.content, m.embeds),
        }));
    },

    async findRecentMessage(target: SendTarget, marker: string): Promise<SentMessage | null> {
      const recent = await this.recentMessages(target, MARKER_SEARCH_LIMIT);
      const found = recent.find((m) => m.fromSelf && m.text.includes(marker));
      return found ? { id: found.id } : null;
    },

    ownsGuild(guildId: string): boolean {
      const { shards, count } = shardInfo();
      return ownsGuildOnShards(guildId, shards, count);
    },

    async stop() {
      // Refuse new work, let in-flight replies finish (bounded), then close the gateway.
      accepting = false;
      const pending = [...inFlight];
      if (pending.length > 0) {
        log.info('waiting for in-flight replies', { count: pending.length });
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          Promise.allSettled(pending),
          new Promise<void>((resolve) => {
            timer = setTimeout(resolve, options.shutdownTimeoutMs ?? 10_000);
          }),
        ]);
        clearTimeout(timer);
      }
      await client.destroy();
      onceRest.clearHashSweeper();
      onceRest.clearHandlerSweeper();
    },
  };
}
