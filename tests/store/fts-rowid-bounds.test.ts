/**
 * FTS5 uses a rowid bound beside MATCH to seek in a word's doclist only when the bound is an INTEGER,
 * and better-sqlite3 binds every JS number as REAL: a bare `rowid > ?` gives the right rows but reads
 * the word's whole doclist (214 ms for a span of 1991 at 1M stories, 2 ms with the cast), and a bare
 * `rowid = ?` once returned the wrong story's snippet (issue 14). The answers are the same either
 * way, so no query result can catch a bare one: this reads the SQLite store's statements instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SQLITE_DIR = path.resolve(import.meta.dirname, '../../src/store/sqlite');

/** Every SQL string literal (quoted or template) of the SQLite store that holds MATCH. */
function matchStatements(): { file: string; sql: string }[] {
  const out: { file: string; sql: string }[] = [];
  for (const file of fs.readdirSync(SQLITE_DIR).filter((f) => f.endsWith('.ts'))) {
    // comments left out: they quote the bare form to say why it is wrong
    const source = fs
      .readFileSync(path.join(SQLITE_DIR, file), 'utf8')
      .split('\n')
      .filter((line) => !/^\s*(\/\/|\/?\*)/.test(line))
      .join('\n');
    for (const m of source.matchAll(/`[^`]*`|'[^'\n]*'/g)) if (/\bMATCH\b/.test(m[0])) out.push({ file, sql: m[0] });
  }
  return out;
}

/** A parameter as a rowid bound: bare, or cast to INTEGER. */
const OPERAND = String.raw`(\?|CAST\(\?\s+AS\s+INTEGER\))`;

/** The rowid comparisons of a statement that bind a bare parameter. */
function bareRowidBounds(sql: string): string[] {
  const comparisons = new RegExp(
    String.raw`\browid\s*(?:=|<=|>=|<|>)\s*${OPERAND}|\browid\s+BETWEEN\s+${OPERAND}\s+AND\s+${OPERAND}`,
    'gi',
  );
  return [...sql.matchAll(comparisons)].filter((m) => m.slice(1).includes('?')).map((m) => m[0]);
}

describe('rowid bounds beside an FTS5 MATCH', () => {
  it('finds a bare bound and accepts a cast one', () => {
    expect(bareRowidBounds('SELECT rowid FROM t WHERE t MATCH ? AND rowid > ? LIMIT ?')).toEqual(['rowid > ?']);
    expect(bareRowidBounds('WHERE t MATCH ? AND rowid BETWEEN ? AND ?')).toEqual(['rowid BETWEEN ? AND ?']);
    expect(bareRowidBounds('WHERE t MATCH ? AND rowid BETWEEN CAST(? AS INTEGER) AND ?')).toHaveLength(1);
    expect(bareRowidBounds('WHERE t MATCH ? AND rowid BETWEEN CAST(? AS INTEGER) AND CAST(? AS INTEGER)')).toEqual([]);
    expect(bareRowidBounds('WHERE t MATCH ? AND rowid IN (SELECT value FROM json_each(?))')).toEqual([]);
  });

  it('are cast to INTEGER in every statement of the SQLite store', () => {
    const statements = matchStatements();
    expect(statements.length).toBeGreaterThan(3);
    const bare = statements.flatMap(({ file, sql }) => bareRowidBounds(sql).map((b) => `${file}: ${b}`));
    expect(bare).toEqual([]);
  });
});
