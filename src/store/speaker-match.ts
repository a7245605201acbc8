/**
 * How a `/quote speaker:` or `/trend speaker:` query meets stored speaker names (issue 15), the same on
 * every backend: a query names a speaker when its words end the speaker's name, so "Baker" finds "James
 * Baker" but not "Bakersfield", "The Reagan administration" or "a former chairman of President
 * Reagan's Council of Economic Advisers" (words of a description, not the speaker's name).
 */

/**
 * The speaker names a query stands for: the query itself, and every shorter ending of it, so "Treasury
 * Secretary James Baker" finds the speaker stored as "James Baker" and "Baker" (a story that never gave
 * his first name). Shorter queries reach longer names by `speakerNamedBy` ("Baker" finds "James Baker").
 */
export function speakerAliases(query: string): string[] {
  const words = query
    .trim()
    .replace(/['’]s$/, '')
    .split(/\s+/)
    .filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) out.push(words.slice(i).join(' '));
  return out;
}

/** Whether the query's words end a stored speaker name, whole words, a "Jr." or "III" after them allowed. */
export function speakerNamedBy(name: string, query: string): boolean {
  const escaped = query
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\s+/g, '\\s+');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}(,?\\s+(jr|sr|ii|iii|iv)\\.?)?$`, 'iu').test(name.trim());
}

/**
 * The rows whose speaker a `speaker:` query names, in their order: the query's words end the name
 * (`speakerNamedBy`), or the name is the query or one of its shorter endings (`speakerAliases`), any case.
 * The whole-word step after a store's LIKE, which lets through names that merely hold the letters
 * ("Bakersfield official" for "Baker").
 */
export function namedBySpeakerQuery<T extends { speaker: string }>(rows: readonly T[], query: string): T[] {
  const aliases = new Set(speakerAliases(query).map((a) => a.toLowerCase()));
  return rows.filter((row) => speakerNamedBy(row.speaker, query) || aliases.has(row.speaker.toLowerCase()));
}

/**
 * Stored speaker names that hold the query's words somewhere (the most quoted first) are read this many
 * at a time before `speakerNamedBy` keeps those the query names: "Reagan" is held by "The Reagan
 * administration" and "Reagan administration officials" too, which may be quoted more than "Ronald Reagan".
 */
export const NAMED_CANDIDATES = 50;

/**
 * `speakersNamed` from a store's two reads: names holding the query (most quoted first, up to
 * NAMED_CANDIDATES) and stored names equal to one of its shorter endings (`speakerAliases`), each with
 * its quote count. Most quoted first, then by name; one entry per name whatever its case.
 */
export function pickSpeakersNamed(
  query: string,
  holding: readonly { speaker: string; quotes: number }[],
  aliased: readonly { speaker: string; quotes: number }[],
  limit: number,
): string[] {
  const picked = new Map<string, { speaker: string; quotes: number }>();
  for (const row of holding) if (speakerNamedBy(row.speaker, query)) picked.set(row.speaker.toLowerCase(), row);
  for (const row of aliased) if (!picked.has(row.speaker.toLowerCase())) picked.set(row.speaker.toLowerCase(), row);
  return [...picked.values()]
    .sort((a, b) => b.quotes - a.quotes || (a.speaker < b.speaker ? -1 : a.speaker > b.speaker ? 1 : 0))
    .slice(0, limit)
    .map((r) => r.speaker);
}
