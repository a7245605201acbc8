/**
 * The HTTP transport (issue 20): Discord posts each interaction to `POST /interactions` (the
 * application's Interactions Endpoint URL) instead of sending it over the gateway. The process is
 * stateless (no websocket, no shards), so any number of them can sit behind a load balancer over
 * one store. Commands go through the same dispatcher and the same renderer as the gateway transport;
 * only the wire differs: the reply is the HTTP response, and a slow command answers "deferred"
 * (type 5) at once and edits its reply later through the interaction webhook.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Routes, type REST } from 'discord.js';
import type { Command } from '../../core/command.js';
import { newErrorId } from '../../core/dispatch.js';
import type { CommandHandler } from '../../core/command-handler.js';
import type { Logger } from '../../core/logger.js';
import { reply as makeReply, type Reply } from '../../core/reply.js';
import type { Services } from '../../core/services.js';
import { REFUSED_IN_DMS, SHUTTING_DOWN } from '../discord/discord-transport.js';
import { flattenOptions } from '../discord/interaction-options.js';
import { registerCommands } from '../discord/register-commands.js';
import { renderChoices, renderReply, toMessagePayload } from '../discord/render-embed.js';
import { transportErrorReply, type IncomingCommand, type SendTarget, type SentMessage, type Transport } from '../transport.js';
import { CallbackType, focusedOption, parseInteraction, type CommandInteraction } from './interaction-request.js';
import { createRestMessages, type InteractionWebhook } from './rest-messages.js';
import { createSignatureVerifier } from './verify-signature.js';

export interface HttpTransportOptions {
  /** 0 picks a free port (tests); read the bound one from `port` after start. */
  port: number;
  /** Interface to bind; all interfaces when not given. */
  host?: string;
  /** The application's public key (hex) from the Developer Portal: every request must be signed with it. */
  publicKey: string;
  commands: readonly Command[];
  services: Services;
  log: Logger;
  /** discord.js REST client (base URL from DISCORD_API_URL; the bot token when there is one). */
  rest: REST;
  /** Whether `rest` carries a bot token: channel posts and command registration need one, replies do not. */
  hasToken: boolean;
  /** Register slash commands on start (only when changed, as the gateway transport does); needs a token. */
  registration?: { applicationId: string | null; guildId: string | null; statePath: string | null } | null;
  /** Milliseconds since the epoch, for the signature's age (tests replay old timestamps). */
  now?: () => number;
  /** Bodies above this are refused with 413 (read and thrown away first, up to a bound, so the client sees the answer). Default 1 MiB (interactions are a few KB). */
  maxBodyBytes?: number;
  /** A request whose headers and body have not arrived in this time gets 408. Default 10 s. */
  requestTimeoutMs?: number;
  /** A command not marked `slow` answers "deferred" if it has not finished after this long. Default 2,000 ms (Discord allows 3 s). */
  deferAfterMs?: number;
  /** Autocomplete answers nothing after this. Default 2,000 ms. */
  autocompleteTimeoutMs?: number;
  /** How long stop() waits for deferred replies still being edited. Default 10 s. */
  shutdownTimeoutMs?: number;
}

export interface HttpTransport extends Transport {
  /** The bound port (after start). */
  readonly port: number;
  findRecentMessage(target: SendTarget, marker: string): Promise<SentMessage | null>;
}

const DEFAULT_MAX_BODY = 1024 * 1024;
/** A load balancer's health check must not hang on a stuck store. */
const HEALTH_TIMEOUT_MS = 2000;

/**
 * How much of a refused body is still read and thrown away before the 413. Closing a socket with
 * unread bytes in it makes the kernel send a reset, and the client then fails on its write
 * instead of reading our answer; reading on a bounded while first (a "lingering close") lets it
 * read the 413. A body larger than the cap plus this is cut off at once.
 */
const LINGER_BYTES = 8 * 1024 * 1024;

/** Read the raw body (the signature covers these exact bytes); null when it is over `max`. */
async function readBody(req: IncomingMessage, max: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max + LINGER_BYTES) return null;
    if (size <= max) chunks.push(chunk as Buffer);
  }
  return size > max ? null : Buffer.concat(chunks);
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...headers }).end(text);
}

/** An interaction response; with files it is multipart/form-data with `payload_json` and `files[n]`, as Discord takes it. */
async function sendCallback(res: ServerResponse, type: number, reply: Reply | null, data?: unknown): Promise<void> {
  if (!reply) {
    sendJson(res, 200, data === undefined ? { type } : { type, data });
    return;
  }
  const payload = toMessagePayload(renderReply(reply));
  if (payload.files.length === 0) {
    sendJson(res, 200, { type, data: payload.body });
    return;
  }
  const form = new FormData();
  form.append('payload_json', JSON.stringify({ type, data: payload.body }));
  payload.files.forEach((f, i) => form.append(`files[${i}]`, new Blob([f.data], { type: 'image/png' }), f.name));
  // The platform's encoder writes the boundary; the body is small (one map), so buffer it for a content-length.
  const encoded = new Response(form);
  const bytes = Buffer.from(await encoded.arrayBuffer());
  if (res.headersSent) return;
  res
    .writeHead(200, {
      'content-type': encoded.headers.get('content-type') ?? 'multipart/form-data',
      'content-length': String(bytes.length),
    })
    .end(bytes);
}

function errorReply(text: string): Reply {
  return makeReply({ text, isError: true, ephemeral: true });
}

/** Resolve with `fallback` after `ms` unless `work` settles first. */
function within<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export function createHttpTransport(options: HttpTransportOptions): HttpTransport {
  const { log, services } = options;
  const verify = createSignatureVerifier(options.publicKey);
  const messages = createRestMessages(options.rest, options.hasToken);
  const now = options.now ?? Date.now;
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
  const deferAfterMs = options.deferAfterMs ?? 2000;
  const autocompleteTimeoutMs = options.autocompleteTimeoutMs ?? 2000;
  const inFlight = new Set<Promise<void>>();
  // The one path from input to reply (core/command-handler.ts), handed over by start().
  let handler: CommandHandler | null = null;
  let accepting = false;
  let server: Server | null = null;

  const track = (work: Promise<void>): void => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };

  /** After the type-5 answer: edit the deferral with the result, or apologise privately when that fails. */
  async function finishDeferred(webhook: InteractionWebhook, name: string, result: Promise<Reply>, started: number): Promise<void> {
    try {
      await messages.completeDeferral(webhook, await result);
      log.debug('answered', { command: name, ms: now() - started, deferred: true, transport: 'http' });
    } catch (error) {
      const errorId = newErrorId();
      log.error('answering an interaction failed', { command: name, errorId, error });
      try {
        await messages.followUp(webhook, transportErrorReply(errorId));
      } catch (followUpError) {
        log.error('could not tell the user about a failure', { errorId, error: followUpError });
      }
    }
  }

  async function answerCommand(res: ServerResponse, i: CommandInteraction): Promise<void> {
    const started = now();
    if (!accepting || !handler) return sendCallback(res, CallbackType.Message, errorReply(SHUTTING_DOWN));
    const commands = handler;
    const command = commands.registry.get(i.name);
    if (!i.inGuild && command?.data.toJSON().default_member_permissions != null)
      return sendCallback(res, CallbackType.Message, errorReply(REFUSED_IN_DMS));
    const { subcommand, options: values } = flattenOptions(i.options);
    const incoming: IncomingCommand = { name: i.name, subcommand, options: values, caller: i.caller };
    const webhook: InteractionWebhook = { applicationId: i.applicationId, token: i.token };
    const run = (cmd: IncomingCommand): Promise<Reply> => commands.answer(cmd);

    // Slow commands defer before they start: their synchronous work (rendering a map) would
    // otherwise hold the event loop past Discord's 3 s before the deferral is written.
    if (command?.slow) {
      const deferred = JSON.stringify({ type: CallbackType.DeferredMessage });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(deferred)) });
      await new Promise<void>((resolve) => res.end(deferred, resolve));
      track(
        finishDeferred(
          webhook,
          i.name,
          Promise.resolve().then(() => run(incoming)),
          started,
        ),
      );
      return;
    }
    // Any other command defers if it has not answered in time.
    const result = run(incoming);
    const early = await within(
      result.then(
        (r) => ({ reply: r }),
        (error: unknown) => {
          // The dispatcher catches command errors; this is a transport-level failure: apologise, never a bare 500.
          const errorId = newErrorId();
          log.error('answering an interaction failed', { command: i.name, interactionId: i.id, errorId, error });
          return { reply: transportErrorReply(errorId) };
        },
      ),
      deferAfterMs,
      null,
    );
    if (early) {
      await sendCallback(res, CallbackType.Message, early.reply);
      log.debug('answered', { command: i.name, ms: now() - started, deferred: false, transport: 'http' });
      return;
    }
    sendJson(res, 200, { type: CallbackType.DeferredMessage });
    track(finishDeferred(webhook, i.name, result, started));
  }

  async function answerAutocomplete(res: ServerResponse, i: CommandInteraction): Promise<void> {
    const focused = focusedOption(i.options) ?? { name: '', value: '' };
    const { subcommand, options: values } = flattenOptions(i.options);
    const choices = handler
      ? await within(
          handler.complete({ name: i.name, subcommand, options: values, focused, guildId: i.caller.guildId }),
          autocompleteTimeoutMs,
          [],
        )
      : [];
    sendJson(res, 200, { type: CallbackType.AutocompleteResult, data: { choices: renderChoices(choices) } });
  }

  async function handleInteraction(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const declared = Number(req.headers['content-length'] ?? 0);
    const body = declared > maxBody + LINGER_BYTES ? null : await readBody(req, maxBody);
    if (body === null) {
      sendJson(res, 413, { error: 'request body too large' }, { connection: 'close' });
      return;
    }
    const header = (name: string): string | undefined => {
      const value = req.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const check = verify({ signature: header('x-signature-ed25519'), timestamp: header('x-signature-timestamp'), body }, now());
    if (!check.ok) {
      // Never the body: it is unauthenticated input, and Discord probes the endpoint with bad signatures on purpose.
      log.warn('interaction refused: invalid request signature', {
        reason: check.reason,
        remote: req.socket.remoteAddress,
        bytes: body.length,
      });
      sendJson(res, 401, { error: 'invalid request signature' });
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      sendJson(res, 400, { error: 'body is not JSON' });
      return;
    }
    const interaction = parseInteraction(json);
    switch (interaction.kind) {
      case 'ping':
        sendJson(res, 200, { type: CallbackType.Pong });
        return;
      case 'command':
        return answerCommand(res, interaction);
      case 'autocomplete':
        return answerAutocomplete(res, interaction);
      case 'unsupported':
        log.warn('interaction type not handled', { type: interaction.type });
        sendJson(res, 400, { error: `interaction type ${interaction.type} is not handled` });
        return;
      case 'invalid':
        log.warn('malformed interaction', { problem: interaction.problem });
        sendJson(res, 400, { error: 'malformed interaction' });
        return;
    }
  }

  async function handleHealth(res: ServerResponse): Promise<void> {
    try {
      const articles = await within(services.store.stories.count(), HEALTH_TIMEOUT_MS, null);
      if (articles === null) throw new Error('store did not answer in time');
      sendJson(res, 200, { status: 'ok', articles });
    } catch (error) {
      log.warn('health check failed', { error });
      sendJson(res, 503, { status: 'unavailable' });
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/interactions') {
      if (req.method !== 'POST') return sendJson(res, 405, { error: 'use POST' }, { allow: 'POST' });
      return handleInteraction(req, res);
    }
    if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) return handleHealth(res);
    sendJson(res, 404, { error: 'not found' });
  }

  return {
    get port() {
      return server ? (server.address() as AddressInfo).port : options.port;
    },

    async start(commandHandler) {
      handler = commandHandler;
      const registration = options.registration;
      if (registration && options.hasToken) {
        const applicationId = registration.applicationId ?? ((await options.rest.get(Routes.currentApplication())) as { id: string }).id;
        await registerCommands({
          rest: options.rest,
          applicationId,
          guildId: registration.guildId,
          definitions: [...commandHandler.definitions.values()],
          statePath: registration.statePath,
          log,
        });
      }
      const s = createServer(
        // Node answers 408 itself when a request is not in by then; the check interval bounds how late.
        {
          requestTimeout: requestTimeoutMs,
          headersTimeout: requestTimeoutMs,
          connectionsCheckingInterval: Math.max(100, Math.min(1000, requestTimeoutMs / 4)),
        },
        (req, res) => {
          handle(req, res).catch((error: unknown) => {
            const errorId = newErrorId();
            log.error('http request failed', { errorId, error });
            sendJson(res, 500, { error: 'internal error', errorId });
          });
        },
      );
      server = s;
      await new Promise<void>((resolve, reject) => {
        s.once('error', reject);
        s.listen(options.port, options.host, () => {
          s.off('error', reject);
          resolve();
        });
      });
      accepting = true;
      log.info('http interactions listening', { port: (s.address() as AddressInfo).port, host: options.host ?? null });
    },

    send: (target, reply) => messages.send(target, reply),
    findRecentMessage: (target, marker) => messages.findRecentMessage(target, marker),

    async stop() {
      // Refuse new work, let deferred edits finish (bounded), then close the listener.
      accepting = false;
      const s = server;
      const closed = s ? new Promise<void>((resolve) => s.close(() => resolve())) : Promise.resolve();
      s?.closeIdleConnections();
      const pending = [...inFlight];
      if (pending.length > 0) {
        log.info('waiting for in-flight replies', { count: pending.length });
        await within(
          Promise.allSettled(pending).then(() => undefined),
          options.shutdownTimeoutMs ?? 10_000,
          undefined,
        );
      }
      s?.closeAllConnections();
      await closed;
    },
  };
}
