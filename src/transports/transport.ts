import { createHash } from 'node:crypto';
import type { CommandHandler, StructuredCommand } from '../core/command-handler.js';
import { reply, type Reply } from '../core/reply.js';

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
 * How to send a message that must appear exactly once (a digest part, a feed's new-story post).
 * Transports that cannot honour a field ignore it; the shell posts locally and cannot double-post.
 */
export interface SendOptions {
  /**
   * Deterministic for the message (ledger entry + part): Discord's `nonce` with `enforce_nonce`, so a
   * repeat within minutes returns the message already created instead of a second one. With a nonce
   * the transport makes no automatic retries: the caller decides, after checking the channel.
   */
  nonce?: string;
  /**
   * Asked as the last step before the message goes out (after any channel look-up): false cancels the
   * send with a SendCancelledError. The digest ledger re-checks its claim here.
   */
  beforeSend?: () => boolean | Promise<boolean>;
}

/**
 * A nonce for `SendOptions.nonce` from what identifies the message (e.g. `digest`, subscription, local
 * date, part): the same on every attempt and in every process, at most Discord's 25 characters.
 */
export function messageNonce(...key: readonly (string | number)[]): string {
  return createHash('sha256').update(key.map(String).join('\u0000')).digest('base64url').slice(0, 25);
}

/** The send was cancelled by `beforeSend`: nothing was posted. */
export class SendCancelledError extends Error {
  constructor(message = 'send cancelled: the claim on this message is no longer ours') {
    super(message);
    this.name = 'SendCancelledError';
  }
}

/**
 * A chat transport: Discord, the local shell, or a recording double in tests.
 * Modelled on Hubot's adapter: it receives commands, renders replies, and can post unprompted.
 */
export interface Transport {
  /** Start receiving; every command and autocomplete goes through `handler` (one path for all transports). */
  start(handler: CommandHandler): Promise<void>;
  send(target: SendTarget, reply: Reply, options?: SendOptions): Promise<SentMessage>;
  stop(): Promise<void>;
  /**
   * The newest message this bot posted in the channel whose text contains `marker`, else null.
   * The digest ledger uses it after a crash to avoid posting a digest twice; transports without
   * history (the shell) omit it.
   */
  findRecentMessage?(target: SendTarget, marker: string): Promise<SentMessage | null>;
}

/** The apology for a failure of the transport itself (the dispatcher answers a command's own failures). */
export function transportErrorReply(errorId: string): Reply {
  return reply({
    text: `Something went wrong while answering (error id ${errorId}). It has been logged.`,
    isError: true,
    ephemeral: true,
    data: { error: 'internal', errorId },
  });
}
