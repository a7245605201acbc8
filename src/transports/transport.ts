import type { CommandHandler, StructuredCommand } from '../core/command-handler.js';
import type { Reply } from '../core/reply.js';

/** A command as a transport received it: enough to dispatch it through the same code everywhere. */
export type IncomingCommand = StructuredCommand;

/** Where a message nobody asked for goes (a digest): a channel of a guild, or the shell. */
export interface SendTarget {
  channelId: string;
  guildId: string | null;
}

export interface SentMessage {
  /** The transport's message id (Discord snowflake; a counter in the shell). */
  id: string;
}

/**
 * A chat transport: Discord, the local shell, or a recording double in tests.
 * Modelled on Hubot's adapter: it receives commands, renders replies, and can post unprompted.
 */
export interface Transport {
  /** Start receiving; every command and autocomplete goes through `handler` (one path for all transports). */
  start(handler: CommandHandler): Promise<void>;
  send(target: SendTarget, reply: Reply): Promise<SentMessage>;
  stop(): Promise<void>;
  /**
   * The newest message this bot posted in the channel whose text contains `marker`, else null.
   * The digest ledger uses it after a crash to avoid posting a digest twice; transports without
   * history (the shell) omit it.
   */
  findRecentMessage?(target: SendTarget, marker: string): Promise<SentMessage | null>;
}
