import path from 'node:path';
import { z } from 'zod';
import { parseStoreLocation } from './store/store-location.js';
import { isValidTimeZone } from './core/zoned-time.js';

/** Resolved once at start-up; everything else receives this object, never `process.env`. */
export interface Config {
  discord: {
    token: string | null;
    applicationId: string | null;
    guildId: string | null;
    apiUrl: string | null;
  };
  /** The store: an absolute SQLite file path, or a postgres:// URL (`--db`, `DATELINE_DB`, `DATABASE_URL`). */
  dbPath: string;
  dataDir: string;
  mapsDir: string;
  cacheDir: string;
  timezone: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  shellChannelId: string;
  /** Live news (issue 10): feeds polled on a schedule, and a watched folder. */
  feeds: { urls: string[]; intervalMinutes: number; contact: string | null; allowPrivate: boolean };
  watch: { enabled: boolean; dir: string };
  /** Servers are tenants (issue 18): what each server may configure. */
  tenancy: { maxFeedsPerGuild: number; maxSubscriptionsPerGuild: number; feedStories: 'shared' | 'own-server' };
  /** Analyzer threads for bulk ingest of big files: 0 analyses inline; null means one per core (at most 4; one fewer where the main thread writes, see defaultThreadCount). */
  ingestThreads: number | null;
  /** Story bodies over this many UTF-8 bytes are rejected at ingest (issue 18). */
  maxBodyBytes: number;
  /**
   * Slash commands over HTTP (issue 20): the port of `POST /interactions` (null: no HTTP endpoint
   * unless `--http`) and the application's public key that signs every request (hex).
   */
  http: { port: number | null; publicKey: string | null };
  /**
   * Which Discord gateway shards this process runs (issue 17): `SHARD_COUNT` in all, `SHARD_IDS` of
   * them here (e.g. 0,1 on one machine and 2,3 on another). Null: discord.js decides (one process, or
   * the ids `start:sharded` hands its children in `SHARDS`).
   */
  sharding: { count: number; ids: number[] } | null;
}

const emptyToUndefined = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().trim().optional());
const snowflake = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .regex(/^\d{17,20}$/, 'must be a Discord id (17-20 digits)')
    .optional(),
);

/** `a, b c` → `[a, b, c]`: lists in .env are comma- or space-separated. */
function splitList(value: string): string[] {
  return value.split(/[\s,]+/).filter(Boolean);
}

function isHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

const envSchema = z.object({
  DISCORD_TOKEN: optionalString,
  DISCORD_APPLICATION_ID: snowflake,
  DISCORD_GUILD_ID: snowflake,
  DISCORD_API_URL: z.preprocess(emptyToUndefined, z.url({ message: 'must be a URL such as http://127.0.0.1:8080/api' }).optional()),
  DATELINE_DB: optionalString,
  DATABASE_URL: optionalString,
  DATELINE_DATA_DIR: optionalString,
  DATELINE_MAPS_DIR: optionalString,
  DATELINE_CACHE_DIR: optionalString,
  DATELINE_TZ: z.preprocess(
    emptyToUndefined,
    z.string().refine(isValidTimeZone, { message: 'must be an IANA time zone such as Europe/London' }).optional(),
  ),
  DATELINE_LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(['debug', 'info', 'warn', 'error']).optional()),
  DATELINE_SHELL_CHANNEL: optionalString,
  DATELINE_FEEDS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine((v) => splitList(v).every(isHttpUrl), { message: 'must be http(s) feed URLs separated by commas' })
      .optional(),
  ),
  DATELINE_FEED_INTERVAL: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(1440, 'must be 1-1440 minutes').optional()),
  DATELINE_FEED_CONTACT: optionalString,
  DATELINE_FEEDS_ALLOW_PRIVATE: z.preprocess(emptyToUndefined, z.enum(['on', 'off']).optional()),
  DATELINE_WATCH: z.preprocess(emptyToUndefined, z.enum(['on', 'off']).optional()),
  DATELINE_GUILD_MAX_FEEDS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(0).max(1000, 'must be 0-1000 feeds per server').optional(),
  ),
  DATELINE_FEED_STORIES: z.preprocess(emptyToUndefined, z.enum(['shared', 'own-server']).optional()),
  DATELINE_GUILD_MAX_SUBSCRIPTIONS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(0).max(1000, 'must be 0-1000 digest subscriptions per server').optional(),
  ),
  DATELINE_WATCH_DIR: optionalString,
  DATELINE_MAX_BODY_KB: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1, 'must be at least 1 KB').max(1_048_576, 'must be at most 1048576 KB (1 GB)').optional(),
  ),
  DISCORD_PUBLIC_KEY: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .regex(/^[0-9a-fA-F]{64}$/, "must be the 64 hex digits of the application's public key")
      .optional(),
  ),
  DATELINE_HTTP_PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535, 'must be a TCP port (0-65535)').optional()),
  DATELINE_INGEST_THREADS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(0).max(16, 'must be 0-16 threads (0: analyse inline)').optional(),
  ),
});

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration (check .env; see .env.example):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** A PostgreSQL URL as given; an SQLite path resolved against `cwd`; any other URL refused with the reason. */
function storeLocation(value: string, cwd: string): string {
  let location;
  try {
    location = parseStoreLocation(value);
  } catch (error) {
    throw new ConfigError([`--db / DATELINE_DB / DATABASE_URL: ${(error as Error).message}`]);
  }
  return location.kind === 'postgres' ? location.url : path.resolve(cwd, location.path);
}

/** A whole number ≥ 0 written in decimal digits only (`'1e1'`, `' '`, `'0x2'` are not shard ids). */
function wholeNumber(text: string): number | null {
  return /^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : null;
}

/**
 * SHARD_COUNT and SHARD_IDS, checked together so the message says what is wrong with the pair: every
 * id below the count, none twice. SHARD_IDS without SHARD_COUNT is refused (a process cannot know which
 * guilds are its own without the total). SHARDS (from `start:sharded`) stands in for SHARD_IDS.
 */
export function shardSettings(env: { SHARD_COUNT?: string | undefined; SHARD_IDS?: string | undefined; SHARDS?: string | undefined }): {
  sharding: Config['sharding'];
  problems: string[];
} {
  const problems: string[] = [];
  const countText = env.SHARD_COUNT;
  const idsText = env.SHARD_IDS ?? env.SHARDS?.replace(/^\[|\]$/g, '');
  const idsName = env.SHARD_IDS !== undefined ? 'SHARD_IDS' : 'SHARDS';
  if (countText === undefined && idsText === undefined) return { sharding: null, problems };
  const count = countText === undefined ? null : wholeNumber(countText);
  if (countText !== undefined && (count === null || count < 1))
    problems.push(`SHARD_COUNT: must be a whole number ≥ 1, the total number of shards (got "${countText}")`);
  if (idsText === undefined) {
    // Every shard in this one process.
    return count === null || problems.length > 0
      ? { sharding: null, problems }
      : { sharding: { count, ids: Array.from({ length: count }, (_, i) => i) }, problems };
  }
  if (countText === undefined) {
    problems.push(`${idsName}: needs SHARD_COUNT, the total number of shards over all processes (e.g. SHARD_COUNT=4 ${idsName}=0,1)`);
    return { sharding: null, problems };
  }
  const parts = splitList(idsText);
  const ids: number[] = [];
  for (const part of parts) {
    const id = wholeNumber(part);
    if (id === null) problems.push(`${idsName}: "${part}" is not a shard id (whole numbers separated by commas, e.g. 0,1)`);
    else if (count !== null && id >= count)
      problems.push(`${idsName}: shard ${id} does not exist with SHARD_COUNT=${count} (ids are 0-${count - 1})`);
    else if (ids.includes(id)) problems.push(`${idsName}: shard ${id} is listed twice`);
    else ids.push(id);
  }
  if (parts.length === 0) problems.push(`${idsName}: list at least one shard id (e.g. 0,1)`);
  if (problems.length > 0 || count === null) return { sharding: null, problems };
  return { sharding: { count, ids: ids.sort((a, b) => a - b) }, problems };
}

export interface ConfigOverrides {
  /** `--db PATH` beats `DATELINE_DB`. */
  dbPath?: string | undefined;
}

/**
 * Read and validate configuration. Fails with one error that lists every problem,
 * so a user fixes `.env` once instead of once per key.
 */
export function loadConfig(env: NodeJS.ProcessEnv, overrides: ConfigOverrides = {}, cwd = process.cwd()): Config {
  const parsed = envSchema.safeParse(env);
  // Checked from the raw values too, so one error lists shard problems beside the schema's.
  const text = (v: string | undefined): string | undefined => (v === undefined || v.trim() === '' ? undefined : v.trim());
  const shards = shardSettings({ SHARD_COUNT: text(env.SHARD_COUNT), SHARD_IDS: text(env.SHARD_IDS), SHARDS: text(env.SHARDS) });
  if (!parsed.success || shards.problems.length > 0) {
    throw new ConfigError([
      ...(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)),
      ...shards.problems,
    ]);
  }
  const e = parsed.data;
  const dataDir = path.resolve(cwd, e.DATELINE_DATA_DIR ?? 'data');
  return {
    discord: {
      token: e.DISCORD_TOKEN ?? null,
      applicationId: e.DISCORD_APPLICATION_ID ?? null,
      guildId: e.DISCORD_GUILD_ID ?? null,
      apiUrl: e.DISCORD_API_URL ?? null,
    },
    dbPath: storeLocation(overrides.dbPath ?? e.DATELINE_DB ?? e.DATABASE_URL ?? path.join(dataDir, 'dateline.db'), cwd),
    dataDir,
    mapsDir: path.resolve(cwd, e.DATELINE_MAPS_DIR ?? path.join(dataDir, 'maps')),
    cacheDir: path.resolve(cwd, e.DATELINE_CACHE_DIR ?? path.join(dataDir, 'cache')),
    timezone: e.DATELINE_TZ ?? 'UTC',
    logLevel: e.DATELINE_LOG_LEVEL ?? 'info',
    shellChannelId: e.DATELINE_SHELL_CHANNEL ?? 'shell',
    feeds: {
      urls: splitList(e.DATELINE_FEEDS ?? ''),
      intervalMinutes: e.DATELINE_FEED_INTERVAL ?? 15,
      contact: e.DATELINE_FEED_CONTACT ?? null,
      allowPrivate: e.DATELINE_FEEDS_ALLOW_PRIVATE === 'on',
    },
    watch: { enabled: e.DATELINE_WATCH !== 'off', dir: path.resolve(cwd, e.DATELINE_WATCH_DIR ?? dataDir) },
    tenancy: {
      maxFeedsPerGuild: e.DATELINE_GUILD_MAX_FEEDS ?? 20,
      maxSubscriptionsPerGuild: e.DATELINE_GUILD_MAX_SUBSCRIPTIONS ?? 10,
      feedStories: e.DATELINE_FEED_STORIES ?? 'shared',
    },
    ingestThreads: e.DATELINE_INGEST_THREADS ?? null,
    maxBodyBytes: (e.DATELINE_MAX_BODY_KB ?? 8192) * 1024,
    http: { port: e.DATELINE_HTTP_PORT ?? null, publicKey: e.DISCORD_PUBLIC_KEY?.toLowerCase() ?? null },
    sharding: shards.sharding,
  };
}
