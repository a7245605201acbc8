import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate } from '../../src/store/postgres/pg-database.js';
import { pgMigrations } from '../../src/store/postgres/pg-migrations.js';

/**
 * A PostgreSQL server for tests: 127.0.0.1:5432 with trust auth (or PGHOST/PGPORT/PGUSER). Each
 * caller makes its own database and drops it. Without a server the suites skip and say why, except
 * under CI=true, where a missing server is a failure (tests/store/pg-store.test.ts).
 */
const host = process.env.PGHOST ?? '127.0.0.1';
const port = Number(process.env.PGPORT ?? 5432);
const users = [...new Set([process.env.PGUSER, 'postgres', 'root'].filter((u): u is string => !!u))];

export interface PgServer {
  user: string;
  /** A URL to a database of that name on the server. */
  url(database: string): string;
}

let found: Promise<PgServer | { unavailable: string }> | null = null;

/** The server and a role that can create databases, or why none answers. */
export function findPgServer(): Promise<PgServer | { unavailable: string }> {
  found ??= (async () => {
    const reasons: string[] = [];
    for (const user of users) {
      const client = new pg.Client({ host, port, user, database: 'postgres', connectionTimeoutMillis: 3000 });
      try {
        await client.connect();
        await client.query('SELECT 1');
        await client.end();
        return { user, url: (database: string) => `postgres://${encodeURIComponent(user)}@${host}:${port}/${database}` };
      } catch (error) {
        reasons.push(`${user}: ${(error as Error).message}`);
        await client.end().catch(() => undefined);
      }
    }
    return { unavailable: `no PostgreSQL server answered at ${host}:${port} (${reasons.join('; ')})` };
  })();
  return found;
}

async function admin(server: PgServer, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: server.url('postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database `dateline_test_<random>`; `drop` removes it (closing what still holds it). */
export async function createTestDatabase(server: PgServer): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `dateline_test_${randomBytes(6).toString('hex')}`;
  await admin(server, `CREATE DATABASE ${name}`);
  return {
    url: server.url(name),
    drop: () => admin(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** A story as an older Dateline wrote it into `articles` (the columns every version has). */
export interface OldStory {
  id: string;
  published: string;
  headline: string;
  body: string;
}

/**
 * What an older Dateline left in the database at `url`: its migrations up to `version` only, these
 * stories written straight into `articles`, then whatever `more` writes; for tests of the migrations
 * after it, which the next store opened on the database applies.
 */
export async function writeOldStore(
  url: string,
  version: number,
  stories: readonly OldStory[],
  more: (pool: pg.Pool) => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  // (a test's forced drop may end a connection the pool is still closing: an idle client's error is no failure)
  pool.on('error', () => undefined);
  try {
    await migrate(
      pool,
      pgMigrations.filter((m) => m.version <= version),
    );
    for (const [i, s] of stories.entries()) {
      await pool.query(
        `INSERT INTO articles (id, source, published, published_ms, headline, body, content_hash, origin, ingested_at)
        VALUES ($1, 'Wire', $2, $3, $4, $5, $6, 't', 'now')`,
        [s.id, s.published, Date.parse(s.published), s.headline, s.body, `h${i + 1}`],
      );
    }
    await more(pool);
  } finally {
    await pool.end();
  }
}
