/**
 * The PostgreSQL benchmark stores: one database per size on the given server, named
 * `dateline_bench_g<generator version>_<articles>`, built by bench/build-pg-store.ts (resumable) and
 * reused while it says it is complete. bench/cache/pg-g<version>-<articles>/build.json keeps what the
 * build measured; `dropPgStore` removes both (the default after a run; --keep-pg keeps them).
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { BuildResult } from './build-store.js';
import { GENERATOR_VERSION } from './generate.js';

export type BenchStoreKind = 'sqlite' | 'postgres';

export function pgDatabaseName(articles: number): string {
  return `dateline_bench_g${GENERATOR_VERSION}_${articles}`;
}

/** `server` (a URL to any database of the server) with its database replaced by `database`. */
export function pgUrl(server: string, database: string): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer<T>(server: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: server, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function metaPath(cacheDir: string, articles: number): string {
  return path.join(cacheDir, `pg-g${GENERATOR_VERSION}-${articles}`, 'build.json');
}

/** Is the database there, and did its build finish (its `bench_build` table says so)? */
async function buildState(server: string, articles: number): Promise<'missing' | 'partial' | 'complete'> {
  const name = pgDatabaseName(articles);
  const exists = await onServer(
    server,
    async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount !== 0,
  );
  if (!exists) return 'missing';
  return onServer(pgUrl(server, name), async (c) => {
    try {
      const { rows } = await c.query<{ value: string }>("SELECT value FROM bench_build WHERE key = 'complete'");
      return rows[0]?.value === 'true' ? 'complete' : 'partial';
    } catch {
      return 'partial'; // made, but the build had not begun its bookkeeping
    }
  });
}

export async function ensurePgStore(options: {
  articles: number;
  server: string;
  seedDb: string;
  rebuild: boolean;
  cacheDir: string;
  runChild: (args: string[], label: string) => string;
}): Promise<{ url: string; build: BuildResult & { builtAt: string }; cached: boolean }> {
  const { articles, server } = options;
  const name = pgDatabaseName(articles);
  const url = pgUrl(server, name);
  const meta = metaPath(options.cacheDir, articles);
  if (options.rebuild) await dropPgStore(server, articles, options.cacheDir);
  const state = await buildState(server, articles);
  if (state === 'complete' && fs.existsSync(meta))
    return { url, build: JSON.parse(fs.readFileSync(meta, 'utf8')) as BuildResult & { builtAt: string }, cached: true };
  if (state === 'missing') await onServer(server, (c) => c.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`));
  // A partial database resumes where its build stopped; a complete one without its build.json only re-reads its figures.
  const build = {
    ...(JSON.parse(options.runChild([String(articles), url, options.seedDb], `build ${articles} (postgres)`)) as BuildResult),
    builtAt: new Date().toISOString(),
  };
  fs.mkdirSync(path.dirname(meta), { recursive: true });
  fs.writeFileSync(meta, `${JSON.stringify(build, null, 2)}\n`);
  return { url, build, cached: false };
}

export async function dropPgStore(server: string, articles: number, cacheDir: string): Promise<void> {
  await onServer(server, (c) => c.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(pgDatabaseName(articles))} WITH (FORCE)`));
  fs.rmSync(path.dirname(metaPath(cacheDir, articles)), { recursive: true, force: true });
}
