/**
 * Where the store lives, from `--db`, `DATELINE_DB` or `DATABASE_URL`: a `postgres://` (or
 * `postgresql://`) URL is a PostgreSQL server; anything else that looks like a URL is refused with
 * the reason (it would otherwise become a folder named `mysql:` holding an SQLite file); the rest is
 * a path to an SQLite file.
 */
export type StoreLocation = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

/** A scheme (`mysql:`, `http:`, `file:`) as URLs start, not a Windows drive letter (`C:\`). */
const SCHEME = /^([a-z][a-z0-9+.-]+):/i;

export class StoreLocationError extends Error {}

/**
 * The store named is well formed but cannot be reached (server down, wrong port, unknown database,
 * refused login): the operator's setting or network, not a fault of the program, so it is reported
 * as one line with the reason and no stack.
 */
export class StoreUnavailableError extends Error {}

export function parseStoreLocation(value: string): StoreLocation {
  const trimmed = value.trim();
  const scheme = SCHEME.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme === 'postgres' || scheme === 'postgresql') {
    let url: URL;
    try {
      url = new URL(trimmed);
    } catch {
      throw new StoreLocationError(`"${redactPassword(trimmed)}" is not a valid PostgreSQL URL (postgres://user@host:5432/database)`);
    }
    if (!url.hostname && !url.searchParams.get('host'))
      throw new StoreLocationError(`"${redactPassword(trimmed)}" names no host (postgres://user@host:5432/database)`);
    return { kind: 'postgres', url: trimmed };
  }
  if (scheme !== undefined) {
    throw new StoreLocationError(
      `"${redactPassword(trimmed)}" is a ${scheme}: URL; the store is an SQLite file path or a postgres:// / postgresql:// URL`,
    );
  }
  return { kind: 'sqlite', path: trimmed };
}

export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value.trim());
}

/** The URL with its password replaced, for messages and logs. */
export function redactPassword(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}
