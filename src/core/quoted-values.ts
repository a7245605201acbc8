import type { OptionValue } from './command.js';

/**
 * Options whose words are a search (`/search query:`, the `about:` options): there quotes ask for a
 * phrase (`"spot market" -tin`), so they reach the command as typed.
 */
const SEARCH_OPTIONS: ReadonlySet<string> = new Set(['query', 'about']);

/** A value wholly in one pair of quotes (`"Deir al-Zour"`, `“James Baker”`) without them; else as it is. */
export function unquoteWhole(value: string): string {
  const m = /^\s*(?:"([^"]*)"|“([^”]*)”)\s*$/.exec(value);
  return m ? (m[1] ?? m[2] ?? '').trim() : value;
}

/**
 * Quotes a person typed around a whole name (`speaker:"James Baker"`, `place:"Deir al-Zour"`) only
 * group it, in Discord as in the shell: the command gets the name. Search options keep them.
 */
export function unquoteOptions(options: Readonly<Record<string, OptionValue>>): Record<string, OptionValue> {
  const out: Record<string, OptionValue> = {};
  for (const [name, value] of Object.entries(options)) {
    out[name] = typeof value === 'string' && !SEARCH_OPTIONS.has(name) ? unquoteWhole(value) : value;
  }
  return out;
}
