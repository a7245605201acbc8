import type { Dispatcher } from 'undici';
import { lazyModule } from '../core/lazy-module.js';
import { packageVersion } from '../core/package-root.js';
import { PRIVATE_ADDRESS_CODE } from './address-guard.js';

const undici = lazyModule<typeof import('undici')>('undici');

/** Limits of one fetch. Defaults suit a bot polling public news feeds; tests shrink them. */
export interface FetchFeedOptions {
  /** Whole request, headers and body (ms). */
  timeoutMs: number;
  /** The body is streamed and the request aborted past this many bytes. */
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
  /**
   * Asked before every request, the first and each redirect target: a reason to refuse the URL, or null.
   * Chat-added feeds pass the private-address guard here, so a public URL cannot redirect inside.
   */
  checkUrl?: (url: string) => Promise<string | null>;
  /**
   * Connections go through this undici dispatcher (the private-address guard checks, in the socket's
   * own DNS lookup, the address it connects to); the platform's fetch when absent.
   */
  dispatcher?: Dispatcher;
  /** Aborts the request (shutdown): the result is an error saying so, at once. */
  signal?: AbortSignal;
}

/** What fetchFeed reads of a response: the platform's and undici's Response both have it. */
interface FetchedResponse {
  status: number;
  statusText: string;
  headers: { get(name: string): string | null };
  body: ReadableStream<Uint8Array> | null;
}

/** What the last successful fetch said, sent back so an unchanged feed costs a 304. */
export interface ConditionalHeaders {
  etag: string | null;
  lastModified: string | null;
}

export type FetchFeedResult =
  | { kind: 'ok'; status: number; url: string; body: string; contentType: string | null; etag: string | null; lastModified: string | null }
  | { kind: 'not-modified'; url: string }
  | { kind: 'error'; url: string; reason: string; status: number | null; retryAfterMs: number | null; refused?: true };

const version = packageVersion();

/** `Dateline/0.1.0 (+contact)`: feed hosts see who polls them and how to reach the operator. */
export function feedUserAgent(contact: string | null): string {
  return `Dateline/${version} (+${contact ?? 'Discord news bot; RSS/Atom reader'})`;
}

export const defaultFetchOptions: FetchFeedOptions = {
  timeoutMs: 20_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  userAgent: feedUserAgent(null),
};

/**
 * GET a feed politely: conditional headers from the last success, a User-Agent naming the bot,
 * redirects followed by hand (limit and loop detection), a timeout over the whole exchange, and a
 * size cap enforced while streaming so a 50 MB response is cut off at the cap, not buffered.
 * Never throws: every failure is a `kind: 'error'` with a reason fit for the feed's health.
 */
export async function fetchFeed(url: string, conditional: ConditionalHeaders, options: FetchFeedOptions): Promise<FetchFeedResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  const stop = (): void => controller.abort();
  if (options.signal?.aborted) controller.abort();
  options.signal?.addEventListener('abort', stop, { once: true });
  const seen = new Set<string>();
  let current = url;
  try {
    for (let hop = 0; ; hop++) {
      seen.add(current);
      const refusal = options.checkUrl ? await options.checkUrl(current) : null;
      if (refusal !== null) {
        const where = hop === 0 ? '' : ` (redirected from ${url})`;
        return { ...fail(current, `refused ${current}${where}: ${refusal}`, null), refused: true };
      }
      const headers: Record<string, string> = {
        'user-agent': options.userAgent,
        accept: 'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1',
      };
      // Conditional headers belong to the URL they were answered for; after a redirect they still apply
      // to the same resource, which is what servers expect.
      if (conditional.etag) headers['if-none-match'] = conditional.etag;
      if (conditional.lastModified) headers['if-modified-since'] = conditional.lastModified;
      const init = { headers, redirect: 'manual' as const, signal: controller.signal };
      const res: FetchedResponse = options.dispatcher
        ? await undici().fetch(current, { ...init, dispatcher: options.dispatcher })
        : await fetch(current, init);

      if (res.status >= 300 && res.status < 400 && res.status !== 304) {
        await res.body?.cancel();
        const location = res.headers.get('location');
        if (!location) return fail(current, `HTTP ${res.status} redirect without a Location header`, res.status);
        const next = new URL(location, current).toString();
        if (seen.has(next)) return fail(url, `redirect loop (${[...seen, next].join(' → ')})`, res.status);
        if (hop + 1 > options.maxRedirects) return fail(url, `too many redirects (more than ${options.maxRedirects})`, res.status);
        if (!/^https?:$/.test(new URL(next).protocol)) return fail(url, `redirect to a non-http URL ${next}`, res.status);
        current = next;
        continue;
      }
      if (res.status === 304) {
        await res.body?.cancel();
        return { kind: 'not-modified', url: current };
      }
      if (res.status !== 200) {
        await res.body?.cancel();
        return {
          ...fail(current, `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`, res.status),
          retryAfterMs: retryAfter(res.headers.get('retry-after')),
        };
      }

      const declared = Number(res.headers.get('content-length') ?? NaN);
      if (Number.isFinite(declared) && declared > options.maxBytes) {
        await res.body?.cancel();
        return fail(current, `response too large (${declared} bytes declared; the cap is ${options.maxBytes})`, res.status);
      }
      const bytes = await readCapped(res, options.maxBytes);
      if (bytes === null) {
        controller.abort();
        return fail(current, `response too large (more than ${options.maxBytes} bytes; stopped reading)`, res.status);
      }
      const contentType = res.headers.get('content-type');
      return {
        kind: 'ok',
        status: res.status,
        url: current,
        body: decodeBody(bytes, contentType),
        contentType,
        etag: res.headers.get('etag'),
        lastModified: res.headers.get('last-modified'),
      };
    }
  } catch (error) {
    if (options.signal?.aborted) return fail(current, 'aborted: the bot is shutting down', null);
    if (controller.signal.aborted) return fail(current, `no answer within ${options.timeoutMs / 1000} s (timeout)`, null);
    const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
    if (cause?.code === PRIVATE_ADDRESS_CODE) {
      const where = current === url ? '' : ` (redirected from ${url})`;
      return { ...fail(current, `refused ${current}${where}: ${String(cause.message)}`, null), refused: true };
    }
    return fail(current, `fetch failed: ${describeNetworkError(error)}`, null);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', stop);
  }
}

function fail(url: string, reason: string, status: number | null): Extract<FetchFeedResult, { kind: 'error' }> {
  return { kind: 'error', url, reason, status, retryAfterMs: null };
}

/** Read the body chunk by chunk; null as soon as it passes the cap. */
async function readCapped(res: FetchedResponse, maxBytes: number): Promise<Uint8Array | null> {
  if (!res.body) return new Uint8Array();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/** Charset from the Content-Type, else the XML declaration, else UTF-8 (the XML default). */
export function decodeBody(bytes: Uint8Array, contentType: string | null): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const charset =
    /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1] ??
    /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ??
    'utf-8';
  try {
    return new TextDecoder(charset.toLowerCase()).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function retryAfter(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (cause && typeof cause.code === 'string') return `${cause.code}${typeof cause.message === 'string' ? ` (${cause.message})` : ''}`;
  if (cause && typeof cause.message === 'string') return cause.message;
  return (error as Error).message ?? String(error);
}
