import pg from 'pg';
import { redactPassword, StoreUnavailableError } from '../store-location.js';
import { pgMigrations, type PgMigration } from './pg-migrations.js';

export type PgPool = pg.Pool;
export type PgClient = pg.PoolClient;
/** A pool or a client inside a transaction: whatever runs the query. */
export type PgQueryable = Pick<pg.Pool, 'query'>;

/** int8 (counts, published_ms, seq) as a JS number: every value the store keeps fits 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 && format !== 'binary'
      ? (value: string) => Number(value)
      : (pg.types.getTypeParser(oid, format) as (value: string) => unknown)) as typeof pg.types.getTypeParser,
};

/** Advisory lock key held while migrating: two processes starting together apply each version once. */
const MIGRATION_LOCK = 7_340_017;

/**
 * A pool on `url` with every pending migration applied. Migrations run in version order, each in its
 * own transaction, under a session advisory lock, and are recorded in `schema_migrations`.
 */
export async function openPool(url: string, options: { max?: number } = {}): Promise<PgPool> {
  const pool = createPool(url, options.max ?? 10);
  try {
    (await pool.connect()).release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new StoreUnavailableError(`PostgreSQL store ${redactPassword(url)} cannot be reached: ${(error as Error).message}`, {
      cause: error,
    });
  }
  try {
    await migrate(pool, pgMigrations);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new Error(`PostgreSQL store ${redactPassword(url)}: ${(error as Error).message}`, { cause: error });
  }
  return pool;
}

function createPool(url: string, max: number, settings = ''): PgPool {
  // No parallel workers for the store's statements: they are short, and launching a worker (a new backend
  // process) cost ~130 ms on a busy 2-core machine, where the statement itself took 15 ms (merging the
  // stories of several speakers at 1M). Nor JIT compilation: at 1M the planner's cost of a headline
  // prefix search passes jit_above_cost and compiling took ~28 ms of a 40 ms statement, compiled anew
  // for every call. A connection string's own `options` still win.
  const pool = new pg.Pool({ connectionString: url, types, max, options: `-c max_parallel_workers_per_gather=0 -c jit=off${settings}` });
  // An idle client's network error must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  return pool;
}

/**
 * A second pool on the store `openPool` opened (no migrations: they were applied), whose sessions plan
 * without plain index scans: the full-text statements that must take their matches from the GIN index
 * (pg-text-search.ts, fromIndexMatches) run there in one round trip, where a transaction with
 * `SET LOCAL enable_indexscan = off` took four (BEGIN, SET, the statement, COMMIT), each a wake-up of the
 * server's backend. Set at connection start, as the pool's other settings (a connection string with
 * `options` of its own drops them: the statements then answer the same, planned as the planner likes).
 * Lazy: no connection until the first such statement.
 */
export function openIndexlessPool(url: string, max = 4): PgPool {
  return createPool(url, max, ' -c enable_indexscan=off');
}

export async function migrate(pool: PgPool, migrations: readonly PgMigration[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
      );
      const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
      for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
        if (done.has(migration.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (version, description) VALUES ($1, $2)', [
            migration.version,
            migration.description,
          ]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw new Error(`migration ${migration.version} (${migration.description}) failed: ${(error as Error).message}`, {
            cause: error,
          });
        }
        // (what it does only makes reads faster, and the migration has committed: a failure, say a VACUUM by a role that
        // does not own the table, leaves the work to autovacuum and must not stop the store from opening)
        if (migration.afterCommit) await client.query(migration.afterCommit).catch(() => undefined);
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

/** Run `work` in one transaction on one client: all of it or nothing. */
export async function inTransaction<T>(pool: PgPool, work: (client: PgClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
