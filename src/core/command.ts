import type { Reply } from './reply.js';
import type { Services } from './services.js';

/** The JSON Discord receives for one option (a subset of discord-api-types' shape, kept here so core needs no discord.js). */
export interface CommandOptionJson {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  autocomplete?: boolean;
  choices?: { name: string; value: string | number }[];
  options?: CommandOptionJson[];
  min_value?: number;
  max_value?: number;
  min_length?: number;
  max_length?: number;
  channel_types?: number[];
}

export interface CommandJson {
  name: string;
  description: string;
  options?: CommandOptionJson[];
  default_member_permissions?: string | null;
  dm_permission?: boolean;
  contexts?: number[] | null;
}

/** What a command's `data` must provide: a discord.js `SlashCommandBuilder` satisfies it. */
export interface CommandDefinition {
  readonly name: string;
  toJSON(): CommandJson;
}

export type OptionValue = string | number | boolean;

/**
 * Which guild a channel belongs to, as the transport knows it: a guild id, null for a channel outside
 * any guild (a DM, the local shell), undefined when the transport cannot see the channel at all.
 * Commands check a channel option against the caller's guild with it, without touching discord.js.
 */
export interface ChannelDirectory {
  guildOf(channelId: string): Promise<string | null | undefined>;
}

/**
 * `Caller.guildId` of a Discord user in a direct message: no server, and not the operator either, so
 * they see what every server sees (with DATELINE_FEED_STORIES=own-server, none of the stories only
 * servers' feeds brought). null is the operator's (the shell, the CLI), who sees everything.
 */
export const NO_SERVER = '';

/** Who asked and where: filled by the transport (Discord interaction, shell defaults, CLI). */
export interface Caller {
  userId: string;
  userName: string;
  channelId: string;
  /** The server; `NO_SERVER` in a DM; null for the operator (the shell, the CLI). */
  guildId: string | null;
  /** Whether the caller may configure the guild (Manage Server); the shell user always may. */
  canManageGuild: boolean;
  /** The transport's channel look-up (Discord). Absent: the shell and `ask`, whose channels all belong to their one local guild. */
  channels?: ChannelDirectory;
}

/** True when the channel is in the caller's guild (so the caller may configure it). */
export async function channelInCallerGuild(caller: Caller, channelId: string): Promise<boolean> {
  const guild = caller.channels ? await caller.channels.guildOf(channelId) : caller.guildId;
  return guild !== undefined && guild === caller.guildId;
}

export interface CommandContext {
  options: Readonly<Record<string, OptionValue>>;
  /** The chosen subcommand (`/digest subscribe` → `subscribe`), else null. */
  subcommand: string | null;
  caller: Caller;
  services: Services;
}

export interface AutocompleteContext {
  options: Readonly<Record<string, OptionValue>>;
  subcommand: string | null;
  /** The option being typed and what has been typed so far. */
  focused: { name: string; value: string };
  services: Services;
  /** The guild it was typed in: choices offer only what that guild may see. Absent or null: the local shell's one guild (the operator). */
  guildId?: string | null;
}

export interface Choice {
  name: string;
  value: string;
}

/**
 * One slash command: its definition and its behaviour, transport-free.
 * `execute` returns a view; it never touches discord.js objects.
 */
export interface Command {
  data: CommandDefinition;
  execute(ctx: CommandContext): Promise<Reply>;
  autocomplete?(ctx: AutocompleteContext): Promise<Choice[]>;
  /** Set when a command may take longer than ~2 s: Discord defers first, then edits the reply. */
  slow?: boolean;
}
