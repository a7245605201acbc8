import type { DatelineStore } from './store.js';
import { parseStoreLocation } from './store-location.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';

/**
 * Open the store `location` names: an SQLite file path, or a postgres:// URL (see store-location.ts).
 * The PostgreSQL client is loaded only when asked for, so the embedded default starts as before.
 */
export async function openStore(location: string, options: { busyTimeoutMs?: number } = {}): Promise<DatelineStore> {
  const parsed = parseStoreLocation(location);
  if (parsed.kind === 'sqlite') return openSqliteStore(parsed.path, options);
  const { openPgStore } = await import('./postgres/pg-store.js');
  return openPgStore(parsed.url);
}
