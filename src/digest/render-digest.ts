import { reply, type Reply, type ReplyField } from '../core/reply.js';
import type { Digest, DigestGroup, DigestStory } from './build-digest.js';

/**
 * Discord's limits, with room for the markdown escaping the Discord renderer adds (a `*` becomes
 * `\*`): one embed per message, at most 25 fields, 6,000 characters in all.
 */
export const DIGEST_MESSAGE_LIMITS = { fields: 25, total: 4800, fieldValue: 900, fieldName: 240, description: 1500, title: 200 } as const;

/** The text that identifies a posted digest: found again in the channel after a crash. */
export function digestMarker(subscriptionId: number, localDate: string): string {
  return `digest ${subscriptionId}/${localDate}`;
}

/** One part of a digest: the search key (`digest 12/1987-03-02 part 2/`) is a prefix of its footer text. */
export function partMarker(marker: string, index: number): string {
  return `${marker} part ${index + 1}/`;
}

export interface RenderDigestOptions {
  /** From `digestMarker`; null for previews (nothing to find again). */
  marker: string | null;
  /** Set when posted late: when it was due. */
  lateSince?: Date | null;
  /** Heading word: "Daily digest" or "Digest preview". */
  heading?: string;
}

function fmt(date: Date, tz: string, parts: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: tz, ...parts }).format(date);
}

export function formatDigestDay(date: Date, tz: string): string {
  return fmt(date, tz, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
}

export function formatDigestMoment(date: Date, tz: string): string {
  return fmt(date, tz, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  });
}

/** Sources like "Reuters (Reuters-21578, Distribution 1.0)" read as "Reuters" in a list. */
function shortSource(source: string): string {
  return source.replace(/\s*\([^)]*\)\s*$/, '') || source;
}

function storyMeta(story: DigestStory, tz: string): string {
  const when = Number.isNaN(Date.parse(story.date))
    ? story.date
    : fmt(new Date(story.date), tz, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return [shortSource(story.source), when, story.places.join(', ')].filter(Boolean).join(' · ');
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** A group as fields: one for a lone story; a group title then one entry per story, continued as needed. */
export function groupFields(group: DigestGroup, rank: number, tz: string): ReplyField[] {
  const L = DIGEST_MESSAGE_LIMITS;
  const lone = group.stories.length === 1 && group.more === 0;
  if (lone) {
    const s = group.stories[0]!;
    return [{ name: clip(`${rank}. ${s.title}`, L.fieldName), value: clip(`${s.summary}\n${storyMeta(s, tz)}`, L.fieldValue) }];
  }
  const total = group.stories.length + group.more;
  const sources = group.sourceCount > 1 ? ` from ${group.sourceCount} sources` : '';
  const entries = group.stories.map((s) => clip(`▸ ${s.title}\n${s.summary}\n${storyMeta(s, tz)}`, L.fieldValue));
  if (group.more > 0) entries.push(`… and ${group.more} more ${group.more === 1 ? 'story' : 'stories'} on this`);
  const fields: ReplyField[] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.length === 0) return;
    const name =
      fields.length === 0
        ? clip(`${rank}. ${group.title} (${total} stories${sources})`, L.fieldName)
        : clip(`${rank}. (continued)`, L.fieldName);
    fields.push({ name, value: current.join('\n\n') });
    current = [];
  };
  for (const entry of entries) {
    if (current.length > 0 && [...current, entry].join('\n\n').length > L.fieldValue) flush();
    current.push(entry);
  }
  flush();
  return fields;
}

function fieldSize(f: ReplyField): number {
  return f.name.length + f.value.length;
}

/**
 * The digest as one or more messages, each inside Discord's limits: a header (date, counts, window)
 * on the first, the groups as fields, and the marker with the part number in every footer.
 */
export function renderDigest(digest: Digest, options: RenderDigestOptions): Reply[] {
  const L = DIGEST_MESSAGE_LIMITS;
  const heading = options.heading ?? 'Daily digest';
  const day = formatDigestDay(digest.at, digest.tz);
  const title = clip(`${heading} · ${day}`, L.title);

  const header: string[] = [];
  if (digest.storyCount === 0) {
    header.push(`No new stories${digest.about ? ` about ${digest.about}` : ''} since ${formatDigestMoment(digest.since, digest.tz)}.`);
  } else {
    const shown = digest.groups.reduce((n, g) => n + g.stories.length, 0);
    header.push(
      `${digest.storyCount} ${digest.storyCount === 1 ? 'story' : 'stories'} in ${digest.groupCount} ${digest.groupCount === 1 ? 'event' : 'events'}` +
        `${digest.about ? ` about ${digest.about}` : ''} since ${formatDigestMoment(digest.since, digest.tz)}.`,
    );
    if (digest.groupCount > digest.groups.length || shown < digest.storyCount) {
      header.push(`The top ${digest.groups.length} events (${shown} stories), by coverage and recency.`);
    }
  }
  if (options.lateSince) header.push(`Posted late: it was due ${formatDigestMoment(options.lateSince, digest.tz)}.`);
  const text = clip(header.join('\n'), L.description);

  // Pack fields into messages.
  const fields = digest.groups.flatMap((g, i) => groupFields(g, i + 1, digest.tz));
  const pages: ReplyField[][] = [[]];
  let used = title.length + text.length + 80;
  for (const field of fields) {
    const page = pages[pages.length - 1]!;
    if (page.length > 0 && (page.length >= L.fields || used + fieldSize(field) > L.total)) {
      pages.push([]);
      used = title.length + 80;
    }
    pages[pages.length - 1]!.push(field);
    used += fieldSize(field);
  }

  const data = { digest: true, marker: options.marker };
  return pages.map((page, i) => {
    const part = options.marker ? `${partMarker(options.marker, i)}${pages.length}` : `part ${i + 1}/${pages.length}`;
    return reply({
      title: i === 0 ? title : clip(`${heading} · ${day} (${i + 1}/${pages.length})`, L.title),
      text: i === 0 ? text : '',
      fields: page,
      footer: `Dateline · ${part}${options.lateSince ? ' · late' : ''}`,
      data: i === 0 ? data : { ...data, part: i + 1 },
    });
  });
}
