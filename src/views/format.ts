/** Display helpers shared by command views. Pure, transport-neutral. */

/** `2017-09-09T19:03:53+08:00` → `2017-09-09 19:03 (UTC+08:00)`. */
export function formatPublished(published: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?(Z|[+-]\d{2}:\d{2})?$/.exec(published);
  if (!m) return published;
  const zone = !m[3] || m[3] === 'Z' ? 'UTC' : `UTC${m[3]}`;
  return `${m[1]} ${m[2]} (${zone})`;
}

/** The date part alone, for compact lists. */
export function formatDay(published: string): string {
  return published.slice(0, 10);
}

/** Cut at a word boundary with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max - 1);
  return `${text.slice(0, cut > max * 0.6 ? cut : max - 1).trimEnd()}…`;
}

export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? word : pluralWord}`;
}
