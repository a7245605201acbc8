/**
 * Posting without a gateway: channel messages (digests, feed posts) and interaction webhooks
 * (a deferred reply's edit, an ephemeral follow-up) through Discord's REST API, with discord.js's
 * REST client (rate limits, retries, multipart). Every body comes from the one renderer.
 */
import { Routes, type REST, type RawFile } from 'discord.js';
import type { Reply } from '../../core/reply.js';
import type { SendTarget, SentMessage } from '../transport.js';
import { messageSearchText, renderReply, toMessagePayload, type EmbedText, type MessagePayload } from '../discord/render-embed.js';

/** How far back findRecentMessage looks, as the gateway transport does. */
const MARKER_SEARCH_LIMIT = 50;

export interface InteractionWebhook {
  applicationId: string;
  token: string;
}

export interface RestMessages {
  /** Post to a channel with the bot token (unprompted messages: digests, feed items). */
  send(target: SendTarget, reply: Reply): Promise<SentMessage>;
  /** The newest of this bot's recent messages in the channel whose text holds `marker` (the digest ledger's crash check). */
  findRecentMessage(target: SendTarget, marker: string): Promise<SentMessage | null>;
  /** Replace a deferral's "thinking…" message with the reply; an ephemeral reply is sent privately instead. */
  completeDeferral(webhook: InteractionWebhook, reply: Reply): Promise<void>;
  /** An ephemeral follow-up (after a failure), on an interaction already answered or deferred. */
  followUp(webhook: InteractionWebhook, reply: Reply): Promise<void>;
}

function rawFiles(payload: MessagePayload): RawFile[] {
  return payload.files.map((f, i) => ({ key: `files[${i}]`, name: f.name, data: f.data, contentType: 'image/png' }));
}

interface ApiMessage {
  id: string;
  content?: string;
  author?: { id: string };
  embeds?: EmbedText[];
}

/**
 * `rest` carries the bot token when there is one (channel posts need it); interaction webhooks are
 * authorised by the interaction's own token, so they work without a bot token.
 */
export function createRestMessages(rest: REST, hasToken: boolean): RestMessages {
  let selfId: Promise<string> | null = null;
  const requireToken = (): void => {
    if (!hasToken) throw new Error('posting to a channel needs DISCORD_TOKEN (HTTP interactions alone do not)');
  };
  const botUserId = (): Promise<string> => (selfId ??= (rest.get(Routes.user()) as Promise<{ id: string }>).then((u) => u.id));

  const followUp = async (webhook: InteractionWebhook, reply: Reply): Promise<void> => {
    const payload = toMessagePayload(renderReply(reply));
    await rest.post(Routes.webhook(webhook.applicationId, webhook.token), { body: payload.body, files: rawFiles(payload), auth: false });
  };

  return {
    async send(target, reply) {
      requireToken();
      const payload = toMessagePayload(renderReply(reply), { withFlags: false });
      const message = (await rest.post(Routes.channelMessages(target.channelId), {
        body: payload.body,
        files: rawFiles(payload),
      })) as ApiMessage;
      return { id: message.id };
    },

    async findRecentMessage(target, marker) {
      requireToken();
      const [self, recent] = await Promise.all([
        botUserId(),
        rest.get(Routes.channelMessages(target.channelId), {
          query: new URLSearchParams({ limit: String(MARKER_SEARCH_LIMIT) }),
        }) as Promise<ApiMessage[]>,
      ]);
      const found = recent.find((m) => m.author?.id === self && messageSearchText(m.content, m.embeds ?? []).includes(marker));
      return found ? { id: found.id } : null;
    },

    async completeDeferral(webhook, reply) {
      const rendered = renderReply(reply);
      const original = Routes.webhookMessage(webhook.applicationId, webhook.token);
      if (rendered.ephemeral) {
        // A public deferral cannot become ephemeral: remove "thinking…", answer privately (as the gateway transport does).
        await rest.delete(original, { auth: false });
        await followUp(webhook, reply);
        return;
      }
      const payload = toMessagePayload(rendered, { withFlags: false });
      await rest.patch(original, { body: payload.body, files: rawFiles(payload), auth: false });
    },

    followUp,
  };
}
