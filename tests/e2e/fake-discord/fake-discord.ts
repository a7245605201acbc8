/**
 * A fake Discord for end-to-end tests: the real discord.js client logs in to it over HTTP and a
 * WebSocket on 127.0.0.1, so nothing of discord.js is mocked. It speaks just enough of the gateway
 * (HELLO, IDENTIFY, READY, heartbeats, GUILD_CREATE, RESUME) and of the REST API (gateway info,
 * command registration, interaction callbacks, webhook follow-ups/edits, channel messages) for the
 * Dateline bot, validates every payload against Discord's limits (400 with Discord's error shape),
 * and records everything it received for assertions.
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  computePings,
  toDiscordFormError,
  validateAutocompleteChoices,
  validateCommand,
  validateMessage,
  type FieldError,
  type UploadedFile,
} from './validate.js';

export type OptionInput = string | number | boolean;

export interface FakeDiscordOptions {
  token?: string;
  /** Gateway heartbeat interval sent in HELLO; short so tests see heartbeats and ACKs. */
  heartbeatIntervalMs?: number;
  /** How long an interaction may go unanswered (Discord: 3 s); tests shorten it to exercise deferral. */
  interactionAckTimeoutMs?: number;
  /** Shards recommended by GET /gateway/bot. */
  recommendedShards?: number;
  /** How many guilds the bot is in (each with one text channel). */
  guildCount?: number;
}

export interface FakeGuild {
  id: string;
  name: string;
  channelId: string;
}

export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, e.g. `/channels/123/messages`. */
  path: string;
  query: Record<string, string>;
  authorized: boolean;
  body: unknown;
  files: UploadedFile[];
  status: number;
  responseBody: unknown;
  /** Answered by failNext/rateLimitNext rather than by validation. */
  injected: boolean;
}

export type MessageKind = 'channel' | 'interaction-reply' | 'followup' | 'edit-original';

/** Every message the bot created or edited, wherever it went. */
export interface RecordedMessage {
  id: string;
  kind: MessageKind;
  channelId: string;
  interactionId: string | null;
  body: Record<string, unknown>;
  files: UploadedFile[];
  ephemeral: boolean;
  /** Who Discord would have pinged: must always be empty for Dateline. */
  pings: string[];
}

export interface FakeInteraction {
  id: string;
  token: string;
  kind: 'chat-input' | 'autocomplete';
  name: string;
  guildId: string | null;
  channelId: string;
  createdAt: number;
  state: 'pending' | 'deferred' | 'replied' | 'expired';
  /** The callback types the bot sent, in order (4 reply, 5 defer, 8 autocomplete result). */
  callbacks: number[];
  deferredEphemeral: boolean;
  choices: { name: string; value: string | number }[] | null;
  /** The interaction's original response message, after a reply or an edit of the deferral. */
  original: RecordedMessage | null;
  followups: RecordedMessage[];
  deleted: boolean;
}

export interface SendInteractionOptions {
  subcommand?: string;
  /** false: the interaction comes from a DM with the bot. */
  inGuild?: boolean;
  guildIndex?: number;
  /** The member's permission bitfield (string, as Discord sends it). Default: a plain member. */
  permissions?: string;
}

interface Session {
  id: string;
  shard: [number, number];
  seq: number;
  events: { s: number; t: string; d: unknown }[];
  socket: WebSocket | null;
  /** The client closed it on purpose (client.destroy()): no resume will come. */
  ended: boolean;
}

interface RateLimitRule {
  method: string | null;
  path: RegExp;
  retryAfter: number;
  global: boolean;
}

interface FailRule {
  method: string | null;
  path: RegExp;
  status: number;
  body: unknown;
}

/** A fault that strikes after the message was created: the answer is lost or comes too late. */
export type AfterCreateFault = { kind: 'delay'; delayMs: number } | { kind: 'status'; status: number };

interface AfterCreateRule {
  channelId: string | null;
  fault: AfterCreateFault;
  remaining: number;
}

export interface HeldRequest {
  /** Resolves with the held request once it arrived. */
  arrived: Promise<RecordedRequest>;
  /** Resolves when the sender closed the connection while held (it was killed). */
  hungUp: Promise<void>;
  release(): void;
}

interface HoldRule {
  method: string | null;
  path: RegExp;
  arrived: (request: RecordedRequest) => void;
  hungUp: () => void;
  released: Promise<void>;
}

interface StoredCommand {
  id: string;
  json: Record<string, unknown>;
}

const DISCORD_EPOCH = 1420070400000n;
/** View Channel, Send Messages, Embed Links, Attach Files, Read Message History, Use Application Commands. */
export const PLAIN_MEMBER_PERMISSIONS = String((1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 15n) | (1n << 16n) | (1n << 31n));
export const MANAGE_GUILD_PERMISSIONS = String(BigInt(PLAIN_MEMBER_PERMISSIONS) | (1n << 5n));

export interface FakeDiscord {
  readonly token: string;
  /** Use as DISCORD_API_URL (discord.js `rest.api`); discord.js adds `/v10`. */
  readonly apiUrl: string;
  readonly gatewayUrl: string;
  readonly applicationId: string;
  readonly botUserId: string;
  readonly humanUserId: string;
  readonly guilds: readonly FakeGuild[];
  readonly dmChannelId: string;
  readonly requests: RecordedRequest[];
  readonly messages: RecordedMessage[];
  readonly interactions: Map<string, FakeInteraction>;
  readonly gateway: {
    connections: number;
    identifies: { shard: [number, number]; intents: number }[];
    resumes: number;
    heartbeats: number;
    closes: number;
  };
  /** Commands registered so far: key `global` or the guild id. */
  readonly commands: Map<string, StoredCommand[]>;
  /** Requests the fake rejected with 400 as Discord would (injected failures excluded). */
  rejected(): RecordedRequest[];
  sendChatInput(name: string, options?: Record<string, OptionInput>, extra?: SendInteractionOptions): FakeInteraction;
  sendAutocomplete(
    name: string,
    focused: { name: string; value: string },
    options?: Record<string, OptionInput>,
    extra?: SendInteractionOptions,
  ): FakeInteraction;
  /**
   * An interaction for an HTTP bot (issue 20): recorded like a gateway one, but returned as the JSON
   * Discord would POST to the Interactions Endpoint URL instead of being dispatched over the gateway.
   */
  createHttpInteraction(
    kind: 'chat-input' | 'autocomplete',
    name: string,
    options?: Record<string, OptionInput>,
    extra?: SendInteractionOptions & { focused?: string },
  ): { interaction: FakeInteraction; payload: Record<string, unknown> };
  /** Take the bot's HTTP response to that POST as the interaction callback; returns the status the callback route would give. */
  acknowledgeHttpInteraction(id: string, response: { body: unknown; files?: UploadedFile[] }): number;
  /** Answer the next matching request with 429 and `retry_after` (seconds). */
  rateLimitNext(rule: { method?: string; path: RegExp; retryAfter?: number; global?: boolean }): void;
  /** Answer the next matching request with this status and body (e.g. a 400 Discord would send). */
  failNext(rule: { method?: string; path: RegExp; status: number; body?: unknown }): void;
  /**
   * The next `times` message POSTs (to `channelId`, or any channel) create the message, then either
   * answer only after `delayMs` (past the client's timeout) or answer with `status` (a 502).
   */
  faultAfterCreate(fault: AfterCreateFault, options?: { channelId?: string; times?: number }): void;
  /**
   * Hold the next request matching the rule before Discord acts on it: `arrived` resolves when it
   * came (the sender is now "in the send"), `release()` lets it go on. A sender that hung up meanwhile
   * (killed) gets nothing done: the request is dropped, as a connection cut before Discord read it.
   */
  holdNext(rule: { method?: string; path: RegExp }): HeldRequest;
  /** Messages a channel holds (what its readers see), oldest first. */
  channelMessages(channelId: string): Record<string, unknown>[];
  /** How long a nonce with enforce_nonce is remembered (Discord: "the past few minutes"). */
  nonceWindowMs: number;
  /** Make POSTs to this channel fail with 403 Missing Permissions. */
  forbidChannel(channelId: string): void;
  /** Close every gateway socket (4000: resumable) to force a reconnect and RESUME. */
  dropGateway(code?: number): void;
  /** Resolve when `predicate` holds (checked on every recorded change), else reject after `timeoutMs`. */
  waitFor<T>(predicate: () => T | undefined | null | false, timeoutMs?: number, what?: string): Promise<T>;
  close(): Promise<void>;
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const token = options.token ?? 'fake-bot-token.for-tests.only';
  const heartbeatIntervalMs = options.heartbeatIntervalMs ?? 1000;
  const ackTimeoutMs = options.interactionAckTimeoutMs ?? 3000;
  const changed = new EventEmitter();
  changed.setMaxListeners(100);
  const notify = (): void => {
    changed.emit('change');
  };

  let counter = 0n;
  // `msOffset` spreads guild ids over timestamps: the shard of a guild is (id >> 22) % shards.
  const snowflake = (msOffset = 0): string => String(((BigInt(Date.now() + msOffset) - DISCORD_EPOCH) << 22n) | (counter++ & 0x3fffffn));

  const applicationId = snowflake();
  const botUser = { id: applicationId, username: 'Dateline', discriminator: '0', global_name: null, avatar: null, bot: true, flags: 0 };
  const humanUser = { id: snowflake(), username: 'reader', discriminator: '0', global_name: 'Reader', avatar: null, flags: 0 };
  const guilds: FakeGuild[] = Array.from({ length: options.guildCount ?? 1 }, (_, i) => ({
    id: snowflake(-i),
    name: `Newsroom ${i + 1}`,
    channelId: snowflake(),
  }));
  const dmChannelId = snowflake();

  const requests: RecordedRequest[] = [];
  const messages: RecordedMessage[] = [];
  const interactions = new Map<string, FakeInteraction>();
  const commands = new Map<string, StoredCommand[]>();
  const channelMessages = new Map<string, Record<string, unknown>[]>();
  const sessions = new Map<string, Session>();
  const rateLimits: RateLimitRule[] = [];
  const failures: FailRule[] = [];
  const forbidden = new Set<string>();
  const afterCreate: AfterCreateRule[] = [];
  const holds: HoldRule[] = [];
  /** `channel/nonce` → the message created with it and when, for enforce_nonce. */
  const nonces = new Map<string, { message: Record<string, unknown>; at: number }>();
  const pendingTimers = new Set<NodeJS.Timeout>();
  const gateway = {
    connections: 0,
    identifies: [] as { shard: [number, number]; intents: number }[],
    resumes: 0,
    heartbeats: 0,
    closes: 0,
  };

  const server: Server = createServer((req, res) => {
    handleHttp(req, res).catch((error: unknown) => {
      send(res, 500, { message: String(error), code: 0 });
    });
  });
  const wss = new WebSocketServer({ server });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;
  const gatewayUrl = `ws://127.0.0.1:${port}`;

  // ---------- gateway ----------

  const shardOf = (guildId: string, count: number): number => Number((BigInt(guildId) >> 22n) % BigInt(count));

  const dispatch = (session: Session, t: string, d: unknown): void => {
    session.seq += 1;
    const event = { s: session.seq, t, d };
    session.events.push(event);
    if (session.socket && session.socket.readyState === session.socket.OPEN) {
      session.socket.send(JSON.stringify({ op: 0, ...event }));
    }
  };

  const guildCreatePayload = (g: FakeGuild): Record<string, unknown> => ({
    id: g.id,
    name: g.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: humanUser.id,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [
      {
        id: g.id,
        name: '@everyone',
        color: 0,
        hoist: false,
        position: 0,
        permissions: PLAIN_MEMBER_PERMISSIONS,
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: g.channelId,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    joined_at: new Date().toISOString(),
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [{ user: botUser, roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 }],
    channels: [
      {
        id: g.channelId,
        type: 0,
        name: 'news',
        position: 0,
        permission_overwrites: [],
        topic: null,
        nsfw: false,
        last_message_id: null,
        rate_limit_per_user: 0,
        parent_id: null,
      },
    ],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
  });

  wss.on('connection', (socket, req) => {
    gateway.connections += 1;
    notify();
    const params = new URL(req.url ?? '/', baseUrl).searchParams;
    // discord.js adds ?v=10&encoding=json; compression would need zlib-sync, which is not installed.
    if (params.get('encoding') !== 'json' || params.has('compress')) {
      socket.close(4002, 'Unsupported encoding or compression');
      return;
    }
    let session: Session | null = null;
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: heartbeatIntervalMs } }));

    socket.on('message', (raw) => {
      let payload: { op?: unknown; d?: unknown };
      try {
        payload = JSON.parse(frameText(raw)) as { op?: unknown; d?: unknown };
      } catch {
        socket.close(4002, 'Decode error');
        return;
      }
      const d = (payload.d ?? {}) as Record<string, unknown>;
      switch (payload.op) {
        case 1: // heartbeat
          gateway.heartbeats += 1;
          socket.send(JSON.stringify({ op: 11 }));
          notify();
          return;
        case 2: {
          // identify
          if (session) {
            socket.close(4005, 'Already authenticated');
            return;
          }
          if (d.token !== token) {
            socket.close(4004, 'Authentication failed');
            return;
          }
          const shard = (Array.isArray(d.shard) ? d.shard : [0, 1]) as [number, number];
          gateway.identifies.push({ shard, intents: Number(d.intents) });
          session = { id: snowflake(), shard, seq: 0, events: [], socket, ended: false };
          sessions.set(session.id, session);
          const mine = guilds.filter((g) => shardOf(g.id, shard[1]) === shard[0]);
          dispatch(session, 'READY', {
            v: 10,
            user: botUser,
            guilds: mine.map((g) => ({ id: g.id, unavailable: true })),
            session_id: session.id,
            resume_gateway_url: gatewayUrl,
            shard,
            application: { id: applicationId, flags: 0 },
            private_channels: [],
            relationships: [],
            presences: [],
            guild_join_requests: [],
            geo_ordered_rtc_regions: [],
            user_settings: {},
          });
          for (const g of mine) dispatch(session, 'GUILD_CREATE', guildCreatePayload(g));
          notify();
          return;
        }
        case 6: {
          // resume: replay what the client missed, then RESUMED
          const found = sessions.get(String(d.session_id));
          if (d.token !== token || !found) {
            socket.send(JSON.stringify({ op: 9, d: false }));
            return;
          }
          gateway.resumes += 1;
          session = found;
          session.socket = socket;
          const since = Number(d.seq ?? 0);
          for (const event of session.events) if (event.s > since) socket.send(JSON.stringify({ op: 0, ...event }));
          dispatch(session, 'RESUMED', {});
          notify();
          return;
        }
        default:
          // Presence updates and the like are accepted and ignored.
          return;
      }
    });
    socket.on('close', (code) => {
      gateway.closes += 1;
      if (session && session.socket === socket) {
        session.socket = null;
        if (code === 1000 || code === 1001) session.ended = true;
      }
      notify();
    });
  });

  // ---------- REST ----------

  async function readBody(req: IncomingMessage): Promise<{ body: unknown; files: UploadedFile[] }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const type = req.headers['content-type'] ?? '';
    if (raw.length === 0) return { body: undefined, files: [] };
    if (type.startsWith('multipart/form-data')) {
      // Let the platform's own multipart parser read what @discordjs/rest's FormData wrote.
      const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
      let body: unknown;
      const files: UploadedFile[] = [];
      for (const [field, value] of form.entries()) {
        if (typeof value === 'string') {
          if (field === 'payload_json') body = JSON.parse(value);
        } else {
          const bytes = new Uint8Array(await value.arrayBuffer());
          files.push({ field, filename: value.name, contentType: value.type, size: bytes.length, bytes });
        }
      }
      return { body, files };
    }
    return { body: JSON.parse(raw.toString('utf8')) as unknown, files: [] };
  }

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    if (res.headersSent) return;
    if (status === 204) {
      res.writeHead(204, headers).end();
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  }

  const formError = (errors: FieldError[], prefix: string[] = []): unknown =>
    toDiscordFormError(errors.map((e) => ({ ...e, path: [...prefix, ...e.path] })));

  function messageObject(
    id: string,
    channelId: string,
    body: Record<string, unknown>,
    files: UploadedFile[],
    extra: Record<string, unknown> = {},
  ): Record<string, unknown> {
    return {
      id,
      channel_id: channelId,
      author: botUser,
      content: typeof body.content === 'string' ? body.content : '',
      embeds: Array.isArray(body.embeds) ? body.embeds : [],
      attachments: files.map((f) => ({
        id: snowflake(),
        filename: f.filename,
        size: f.size,
        content_type: f.contentType,
        url: `${baseUrl}/attachments/${f.filename}`,
        proxy_url: `${baseUrl}/attachments/${f.filename}`,
      })),
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      pinned: false,
      type: 0,
      flags: typeof body.flags === 'number' ? body.flags : 0,
      components: [],
      ...extra,
    };
  }

  function record(
    kind: MessageKind,
    channelId: string,
    interactionId: string | null,
    body: Record<string, unknown>,
    files: UploadedFile[],
    ephemeral: boolean,
  ): RecordedMessage {
    const message: RecordedMessage = { id: snowflake(), kind, channelId, interactionId, body, files, ephemeral, pings: computePings(body) };
    messages.push(message);
    return message;
  }

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', baseUrl);
    // Accept `/api/v10/...` (discord.js with rest.api = `${base}/api`) and `/v10/...`.
    const path = url.pathname.replace(/^\/api/, '').replace(/^\/v\d+/, '');
    const method = (req.method ?? 'GET').toUpperCase();
    const { body, files } = await readBody(req);
    const authorized = req.headers.authorization === `Bot ${token}`;
    const entry: RecordedRequest = {
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      authorized,
      body,
      files,
      status: 0,
      responseBody: undefined,
      injected: false,
    };
    requests.push(entry);
    const reply = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
      entry.status = status;
      entry.responseBody = payload;
      send(res, status, payload, headers);
      notify();
    };

    // A 429 on demand, with the headers @discordjs/rest reads to wait and retry.
    const limitIndex = rateLimits.findIndex((r) => (r.method === null || r.method === method) && r.path.test(path));
    if (limitIndex >= 0) {
      const rule = rateLimits.splice(limitIndex, 1)[0]!;
      entry.injected = true;
      const headers: Record<string, string> = {
        'retry-after': String(rule.retryAfter),
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset-after': String(rule.retryAfter),
        'x-ratelimit-bucket': 'fake-bucket',
        'x-ratelimit-scope': rule.global ? 'global' : 'user',
      };
      if (rule.global) headers['x-ratelimit-global'] = 'true';
      reply(429, { message: 'You are being rate limited.', retry_after: rule.retryAfter, global: rule.global }, headers);
      return;
    }

    const holdIndex = holds.findIndex((r) => (r.method === null || r.method === method) && r.path.test(path));
    if (holdIndex >= 0) {
      const rule = holds.splice(holdIndex, 1)[0]!;
      let hungUp = false;
      res.on('close', () => {
        if (res.writableFinished) return;
        hungUp = true;
        rule.hungUp();
      });
      rule.arrived(entry);
      notify();
      await rule.released;
      if (hungUp || res.destroyed) {
        entry.injected = true;
        entry.status = -1; // never answered: the sender was gone
        notify();
        return;
      }
    }

    const failIndex = failures.findIndex((r) => (r.method === null || r.method === method) && r.path.test(path));
    if (failIndex >= 0) {
      const rule = failures.splice(failIndex, 1)[0]!;
      entry.injected = true;
      reply(rule.status, rule.body);
      return;
    }

    const needsAuth = !path.startsWith('/interactions/') && !path.startsWith('/webhooks/');
    if (needsAuth && !authorized) {
      reply(401, { message: '401: Unauthorized', code: 0 });
      return;
    }

    let m: RegExpMatchArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      reply(200, {
        url: gatewayUrl,
        shards: options.recommendedShards ?? 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
      });
    } else if (method === 'GET' && path === '/gateway') {
      reply(200, { url: gatewayUrl });
    } else if (method === 'GET' && path === '/users/@me') {
      reply(200, botUser);
    } else if (method === 'GET' && (path === '/applications/@me' || path === '/oauth2/applications/@me')) {
      reply(200, {
        id: applicationId,
        name: 'Dateline',
        icon: null,
        description: '',
        bot_public: true,
        bot_require_code_grant: false,
        bot: botUser,
        flags: 0,
        verify_key: 'fake',
      });
    } else if ((m = path.match(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/))) {
      if (m[1] !== applicationId) {
        reply(404, { message: 'Unknown Application', code: 10002 });
        return;
      }
      const key = m[2] ?? 'global';
      if (m[2] && !guilds.some((g) => g.id === m![2])) {
        reply(403, { message: 'Missing Access', code: 50001 });
        return;
      }
      if (method === 'GET') {
        reply(
          200,
          (commands.get(key) ?? []).map((c) => ({ ...c.json, id: c.id, application_id: applicationId })),
        );
      } else if (method === 'PUT') {
        const list = Array.isArray(body) ? body : [];
        if (!Array.isArray(body)) {
          reply(400, formError([{ path: [], code: 'LIST_TYPE_CONVERT', message: 'Only iterables may be used in a ListType' }]));
          return;
        }
        const errors = list.flatMap((c: unknown, i) => validateCommand(c, [i]));
        if (errors.length > 0) {
          reply(400, formError(errors));
          return;
        }
        const stored = list.map((c) => ({ id: snowflake(), json: c as Record<string, unknown> }));
        commands.set(key, stored);
        reply(
          200,
          stored.map((c) => ({ ...c.json, id: c.id, application_id: applicationId, version: c.id, type: 1 })),
        );
      } else {
        reply(405, { message: '405: Method Not Allowed', code: 0 });
      }
    } else if (method === 'POST' && (m = path.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/))) {
      handleCallback(m[1]!, decodeURIComponent(m[2]!), body, files, entry, reply);
    } else if ((m = path.match(/^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/([^/]+))?$/))) {
      handleWebhook(method, m[1]!, decodeURIComponent(m[2]!), m[3] ? decodeURIComponent(m[3]) : null, body, files, reply);
    } else if ((m = path.match(/^\/channels\/(\d+)$/)) && method === 'GET') {
      const guild = guilds.find((g) => g.channelId === m![1]);
      if (!guild) reply(404, { message: 'Unknown Channel', code: 10003 });
      else
        reply(200, {
          id: guild.channelId,
          type: 0,
          guild_id: guild.id,
          name: 'news',
          position: 0,
          permission_overwrites: [],
          nsfw: false,
          parent_id: null,
          rate_limit_per_user: 0,
        });
    } else if ((m = path.match(/^\/channels\/(\d+)\/messages$/))) {
      const channelId = m[1]!;
      const guild = guilds.find((g) => g.channelId === channelId);
      if (!guild) {
        reply(404, { message: 'Unknown Channel', code: 10003 });
      } else if (method === 'GET') {
        const limit = Math.min(100, Number(url.searchParams.get('limit') ?? 50));
        reply(200, [...(channelMessages.get(channelId) ?? [])].reverse().slice(0, limit));
      } else if (method === 'POST') {
        if (forbidden.has(channelId)) {
          reply(403, { message: 'Missing Permissions', code: 50013 });
          return;
        }
        const errors = validateMessage(body, files);
        if (errors.length > 0) {
          reply(400, formError(errors));
          return;
        }
        const b = body as Record<string, unknown>;
        const nonce = typeof b.nonce === 'string' || typeof b.nonce === 'number' ? String(b.nonce) : null;
        // Discord: with enforce_nonce, a nonce seen from this author in the past few minutes returns
        // the message already created, and no new one.
        const nonceKey = nonce !== null && b.enforce_nonce === true ? `${channelId}/${nonce}` : null;
        const earlier = nonceKey ? nonces.get(nonceKey) : undefined;
        if (earlier && Date.now() - earlier.at <= fake.nonceWindowMs) {
          reply(200, earlier.message);
          return;
        }
        const rec = record('channel', channelId, null, b, files, false);
        const message = messageObject(rec.id, channelId, rec.body, files, { guild_id: guild.id, ...(nonce !== null ? { nonce } : {}) });
        const list = channelMessages.get(channelId) ?? [];
        list.push(message);
        channelMessages.set(channelId, list);
        if (nonceKey) nonces.set(nonceKey, { message, at: Date.now() });
        const ruleIndex = afterCreate.findIndex((r) => r.channelId === null || r.channelId === channelId);
        const rule = ruleIndex >= 0 ? afterCreate[ruleIndex]! : null;
        if (rule) {
          rule.remaining -= 1;
          if (rule.remaining <= 0) afterCreate.splice(ruleIndex, 1);
          entry.injected = true;
          if (rule.fault.kind === 'status') {
            reply(rule.fault.status, { message: `${rule.fault.status}: Bad Gateway`, code: 0 });
          } else {
            // The message exists; the answer comes after the client gave up (or never, if it hung up).
            const timer = setTimeout(() => {
              pendingTimers.delete(timer);
              if (!res.destroyed) reply(200, message);
            }, rule.fault.delayMs);
            pendingTimers.add(timer);
            notify();
          }
          return;
        }
        reply(200, message);
      } else {
        reply(405, { message: '405: Method Not Allowed', code: 0 });
      }
    } else {
      reply(404, { message: '404: Not Found', code: 0 });
    }
  }

  function handleCallback(
    id: string,
    interactionToken: string,
    body: unknown,
    files: UploadedFile[],
    entry: RecordedRequest,
    reply: (status: number, payload: unknown) => void,
  ): void {
    const interaction = interactions.get(id);
    if (!interaction || interaction.token !== interactionToken) {
      reply(404, { message: 'Unknown interaction', code: 10062 });
      return;
    }
    // Discord forgets an interaction nobody acknowledged within 3 s.
    if (interaction.state === 'pending' && Date.now() - interaction.createdAt > ackTimeoutMs) {
      interaction.state = 'expired';
    }
    if (interaction.state === 'expired') {
      reply(404, { message: 'Unknown interaction', code: 10062 });
      return;
    }
    if (interaction.state !== 'pending') {
      reply(400, { message: 'Interaction has already been acknowledged.', code: 40060 });
      return;
    }
    const b = (body ?? {}) as { type?: unknown; data?: unknown };
    const type = Number(b.type);
    if (interaction.kind === 'autocomplete') {
      if (type !== 8) {
        reply(400, { message: 'Interaction response type is not valid for this interaction', code: 50035 });
        return;
      }
      const errors = validateAutocompleteChoices(b.data);
      if (errors.length > 0) {
        reply(400, formError(errors));
        return;
      }
      interaction.choices = (b.data as { choices: { name: string; value: string | number }[] }).choices;
      interaction.callbacks.push(8);
      interaction.state = 'replied';
      reply(204, null);
      return;
    }
    if (type === 5) {
      const flags = Number((b.data as { flags?: unknown } | undefined)?.flags ?? 0);
      interaction.deferredEphemeral = (flags & 64) !== 0;
      interaction.callbacks.push(5);
      interaction.state = 'deferred';
      reply(entry.query.with_response === 'true' ? 200 : 204, { interaction: { id, type: 2 }, resource: { type: 5 } });
      return;
    }
    if (type !== 4) {
      reply(400, formError([{ path: ['type'], code: 'BASE_TYPE_CHOICES', message: 'Value must be one of {4, 5}.' }]));
      return;
    }
    const errors = validateMessage(b.data, files);
    if (errors.length > 0) {
      reply(400, formError(errors, ['data']));
      return;
    }
    const data = b.data as Record<string, unknown>;
    const ephemeral = (Number(data.flags ?? 0) & 64) !== 0;
    interaction.original = record('interaction-reply', interaction.channelId, id, data, files, ephemeral);
    interaction.callbacks.push(4);
    interaction.state = 'replied';
    reply(204, null);
  }

  function handleWebhook(
    method: string,
    appId: string,
    interactionToken: string,
    messageId: string | null,
    body: unknown,
    files: UploadedFile[],
    reply: (status: number, payload: unknown) => void,
  ): void {
    const interaction = [...interactions.values()].find((i) => i.token === interactionToken);
    if (appId !== applicationId || !interaction || interaction.kind !== 'chat-input') {
      reply(404, { message: 'Unknown Webhook', code: 10015 });
      return;
    }
    if (interaction.state === 'pending' || interaction.state === 'expired') {
      // Follow-ups and edits need an acknowledged interaction.
      reply(404, { message: 'Unknown Webhook', code: 10015 });
      return;
    }
    const isOriginal = messageId === '@original' || (messageId !== null && interaction.original?.id === messageId);
    if (messageId === null && method === 'POST') {
      const errors = validateMessage(body, files);
      if (errors.length > 0) {
        reply(400, formError(errors));
        return;
      }
      const data = body as Record<string, unknown>;
      const rec = record('followup', interaction.channelId, interaction.id, data, files, (Number(data.flags ?? 0) & 64) !== 0);
      interaction.followups.push(rec);
      reply(
        200,
        messageObject(rec.id, interaction.channelId, data, files, { webhook_id: applicationId, application_id: applicationId, type: 20 }),
      );
    } else if (isOriginal && method === 'PATCH') {
      const errors = validateMessage(body, files, { partial: true });
      if (errors.length > 0) {
        reply(400, formError(errors));
        return;
      }
      const previous = interaction.original?.body ?? {};
      const data = { ...previous, ...(body as Record<string, unknown>) };
      // Editing a deferral must leave a message with something in it.
      const empty = validateMessage(data, files).filter((e) => e.code === 'EMPTY_MESSAGE');
      if (empty.length > 0) {
        reply(400, { message: 'Cannot send an empty message', code: 50006 });
        return;
      }
      const ephemeral = interaction.original?.ephemeral ?? interaction.deferredEphemeral;
      const rec = record('edit-original', interaction.channelId, interaction.id, data, files, ephemeral);
      interaction.original = rec;
      interaction.state = 'replied';
      reply(
        200,
        messageObject(rec.id, interaction.channelId, data, files, {
          webhook_id: applicationId,
          application_id: applicationId,
          type: 20,
          edited_timestamp: new Date().toISOString(),
        }),
      );
    } else if (isOriginal && method === 'DELETE') {
      interaction.deleted = true;
      reply(204, null);
      notify();
    } else if (isOriginal && method === 'GET') {
      if (!interaction.original) reply(404, { message: 'Unknown Message', code: 10008 });
      else reply(200, messageObject(interaction.original.id, interaction.channelId, interaction.original.body, interaction.original.files));
    } else {
      reply(404, { message: 'Unknown Message', code: 10008 });
    }
  }

  // ---------- driving the bot ----------

  function findCommand(name: string, guildId: string | null): StoredCommand {
    const scoped = guildId ? commands.get(guildId)?.find((c) => c.json.name === name) : undefined;
    const found = scoped ?? commands.get('global')?.find((c) => c.json.name === name);
    if (!found)
      throw new Error(
        `/${name} is not registered with the fake Discord (registered: ${[...commands.values()]
          .flat()
          .map((c) => String(c.json.name))
          .join(', ')})`,
      );
    return found;
  }

  interface OptionJson {
    name: string;
    type: number;
    required?: boolean;
    options?: OptionJson[];
  }

  /** Type the given option values from the registered definition, as Discord does. */
  function buildOptions(
    defs: OptionJson[] | undefined,
    values: Record<string, OptionInput>,
    focused: string | null,
    allowMissingRequired: boolean,
  ): Record<string, unknown>[] {
    const list = defs ?? [];
    for (const key of Object.keys(values)) {
      if (!list.some((d) => d.name === key))
        throw new Error(`Option "${key}" is not defined (have: ${list.map((d) => d.name).join(', ')})`);
    }
    const out: Record<string, unknown>[] = [];
    for (const def of list) {
      const value = values[def.name];
      if (value === undefined) {
        if (def.required && !allowMissingRequired) throw new Error(`Required option "${def.name}" missing`);
        continue;
      }
      const option: Record<string, unknown> = { name: def.name, type: def.type, value };
      if (def.type === 4 && focused !== def.name) option.value = Math.trunc(Number(value));
      if (def.type === 10 && focused !== def.name) option.value = Number(value);
      if (def.name === focused) option.focused = true;
      out.push(option);
    }
    return out;
  }

  function createInteraction(
    kind: 'chat-input' | 'autocomplete',
    name: string,
    values: Record<string, OptionInput>,
    focused: string | null,
    extra: SendInteractionOptions,
  ): { interaction: FakeInteraction; payload: Record<string, unknown>; guild: FakeGuild | undefined } {
    const inGuild = extra.inGuild ?? true;
    const guild = inGuild ? guilds[extra.guildIndex ?? 0] : undefined;
    if (inGuild && !guild) throw new Error('No such guild');
    const command = findCommand(name, guild?.id ?? null);
    let options = command.json.options as OptionJson[] | undefined;
    let wrap: ((inner: Record<string, unknown>[]) => Record<string, unknown>[]) | null = null;
    if (extra.subcommand) {
      const sub = options?.find((o) => o.type === 1 && o.name === extra.subcommand);
      if (!sub) throw new Error(`/${name} has no subcommand ${extra.subcommand}`);
      options = sub.options;
      wrap = (inner) => [{ name: sub.name, type: 1, options: inner }];
    }
    const built = buildOptions(options, values, focused, kind === 'autocomplete');
    const resolvedChannels: Record<string, unknown> = {};
    for (const o of built) {
      if (o.type === 7 && guild)
        resolvedChannels[String(o.value)] = { id: String(o.value), name: 'news', type: 0, permissions: PLAIN_MEMBER_PERMISSIONS };
    }
    const id = snowflake();
    const interactionToken = `itok-${id}-${Math.random().toString(36).slice(2)}`;
    const channelId = guild ? guild.channelId : dmChannelId;
    const payload: Record<string, unknown> = {
      id,
      application_id: applicationId,
      type: kind === 'chat-input' ? 2 : 4,
      data: {
        id: command.id,
        name,
        type: 1,
        options: wrap ? wrap(built) : built,
        ...(Object.keys(resolvedChannels).length > 0 ? { resolved: { channels: resolvedChannels } } : {}),
        ...(guild ? { guild_id: guild.id } : {}),
      },
      channel_id: channelId,
      channel: guild
        ? { id: channelId, type: 0, guild_id: guild.id, name: 'news', permissions: PLAIN_MEMBER_PERMISSIONS, nsfw: false, parent_id: null }
        : { id: channelId, type: 1, recipients: [humanUser], flags: 0, last_message_id: null },
      token: interactionToken,
      version: 1,
      app_permissions: PLAIN_MEMBER_PERMISSIONS,
      locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: guild ? { '0': guild.id } : { '1': humanUser.id },
      context: guild ? 0 : 1,
      attachment_size_limit: 10 * 1024 * 1024,
    };
    if (guild) {
      payload.guild_id = guild.id;
      payload.guild = { id: guild.id, locale: 'en-US', features: [] };
      payload.guild_locale = 'en-US';
      payload.member = {
        user: humanUser,
        roles: [],
        permissions: extra.permissions ?? PLAIN_MEMBER_PERMISSIONS,
        joined_at: new Date().toISOString(),
        deaf: false,
        mute: false,
        flags: 0,
        nick: null,
        avatar: null,
        pending: false,
        premium_since: null,
        communication_disabled_until: null,
      };
    } else {
      payload.user = humanUser;
    }
    const interaction: FakeInteraction = {
      id,
      token: interactionToken,
      kind,
      name,
      guildId: guild?.id ?? null,
      channelId,
      createdAt: Date.now(),
      state: 'pending',
      callbacks: [],
      deferredEphemeral: false,
      choices: null,
      original: null,
      followups: [],
      deleted: false,
    };
    interactions.set(id, interaction);
    return { interaction, payload, guild };
  }

  function sendInteraction(
    kind: 'chat-input' | 'autocomplete',
    name: string,
    values: Record<string, OptionInput>,
    focused: string | null,
    extra: SendInteractionOptions,
  ): FakeInteraction {
    const { interaction, payload, guild } = createInteraction(kind, name, values, focused, extra);
    // The shard that owns the guild gets the event (shard 0 for DMs).
    // A session whose socket is down for a moment still gets it: the event is replayed on RESUME.
    const target = [...sessions.values()]
      .reverse()
      .find((s) => !s.ended && (guild ? shardOf(guild.id, s.shard[1]) === s.shard[0] : s.shard[0] === 0));
    if (!target) throw new Error('No gateway session: has the bot logged in?');
    dispatch(target, 'INTERACTION_CREATE', payload);
    return interaction;
  }

  async function waitFor<T>(predicate: () => T | undefined | null | false, timeoutMs = 3000, what = 'condition'): Promise<T> {
    const first = predicate();
    if (first) return first;
    return new Promise<T>((resolve, reject) => {
      const check = (): void => {
        const value = predicate();
        if (value) {
          cleanup();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fake Discord: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        changed.off('change', check);
      };
      changed.on('change', check);
    });
  }

  const fake: FakeDiscord = {
    token,
    apiUrl: `${baseUrl}/api`,
    gatewayUrl,
    applicationId,
    botUserId: botUser.id,
    humanUserId: humanUser.id,
    guilds,
    dmChannelId,
    requests,
    messages,
    interactions,
    gateway,
    commands,
    rejected: () => requests.filter((r) => r.status === 400 && !r.injected),
    sendChatInput: (name, values = {}, extra = {}) => sendInteraction('chat-input', name, values, null, extra),
    sendAutocomplete: (name, focused, values = {}, extra = {}) =>
      sendInteraction('autocomplete', name, { ...values, [focused.name]: focused.value }, focused.name, extra),
    createHttpInteraction: (kind, name, values = {}, extra = {}) => {
      const { interaction, payload } = createInteraction(kind, name, values, extra.focused ?? null, extra);
      return { interaction, payload };
    },
    acknowledgeHttpInteraction: (id, response) => {
      const interaction = interactions.get(id);
      if (!interaction) throw new Error(`No interaction ${id}`);
      const entry: RecordedRequest = {
        method: 'POST',
        path: `/interactions/${id}/${interaction.token}/callback`,
        query: {},
        authorized: false,
        body: response.body,
        files: response.files ?? [],
        status: 0,
        responseBody: undefined,
        injected: false,
      };
      requests.push(entry);
      handleCallback(id, interaction.token, response.body, response.files ?? [], entry, (status, payload) => {
        entry.status = status;
        entry.responseBody = payload;
        notify();
      });
      return entry.status;
    },
    rateLimitNext: (rule) => {
      rateLimits.push({ method: rule.method ?? null, path: rule.path, retryAfter: rule.retryAfter ?? 0.2, global: rule.global ?? false });
    },
    failNext: (rule) => {
      failures.push({
        method: rule.method ?? null,
        path: rule.path,
        status: rule.status,
        body: rule.body ?? { message: 'Injected failure', code: 0 },
      });
    },
    faultAfterCreate: (fault, opts = {}) => {
      afterCreate.push({ channelId: opts.channelId ?? null, fault, remaining: opts.times ?? 1 });
    },
    holdNext: (rule) => {
      let arrived: (request: RecordedRequest) => void = () => undefined;
      let hungUp: () => void = () => undefined;
      let release: () => void = () => undefined;
      const held: HoldRule = {
        method: rule.method ?? null,
        path: rule.path,
        arrived: (request) => arrived(request),
        hungUp: () => hungUp(),
        released: new Promise<void>((resolve) => (release = resolve)),
      };
      const arrival = new Promise<RecordedRequest>((resolve) => (arrived = resolve));
      const hangUp = new Promise<void>((resolve) => (hungUp = resolve));
      holds.push(held);
      return { arrived: arrival, hungUp: hangUp, release: () => release() };
    },
    channelMessages: (channelId) => [...(channelMessages.get(channelId) ?? [])],
    nonceWindowMs: 5 * 60_000,
    forbidChannel: (channelId) => {
      forbidden.add(channelId);
    },
    dropGateway: (code = 4000) => {
      for (const client of wss.clients) {
        if (code === 1006) client.terminate();
        else client.close(code, 'fake Discord dropped the connection');
      }
    },
    waitFor,
    close: async () => {
      for (const timer of pendingTimers) clearTimeout(timer);
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}

/** A websocket frame as text: ws hands over a Buffer, a list of fragments, or an ArrayBuffer. */
function frameText(raw: Buffer | ArrayBuffer | Buffer[]): string {
  if (Array.isArray(raw)) return Buffer.concat(raw).toString('utf8');
  return Buffer.isBuffer(raw) ? raw.toString('utf8') : Buffer.from(raw).toString('utf8');
}
