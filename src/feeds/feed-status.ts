import type { Feed } from '../store/feed-store.js';
import { plural, truncate } from '../views/format.js';

/** One line of feed health for `/feeds list` and `dateline feed list`. Pure, transport-neutral. */

/** `2026-02-12T00:16:00.000Z` → `2026-02-12 00:16 UTC`. */
export function when(iso: string | null): string {
  return iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : 'never';
}

export function channelLabel(channelId: string): string {
  return /^\d{17,20}$/.test(channelId) ? `<#${channelId}>` : `#${channelId}`;
}

export function feedStatusLine(feed: Feed): string {
  const h = feed.health;
  const parts: string[] = [];
  if (h.consecutiveFailures > 0) {
    parts.push(`failing (${plural(h.consecutiveFailures, 'time')} in a row): ${truncate(h.lastError ?? 'unknown error', 300)}`);
    parts.push(`last success ${when(h.lastSuccessAt)}`);
  } else if (h.lastSuccessAt) {
    parts.push(`ok, last success ${when(h.lastSuccessAt)}`);
    if (h.lastError) parts.push(`last problem ${when(h.lastErrorAt)}: ${truncate(h.lastError, 200)}`);
  } else {
    parts.push('not polled yet');
  }
  parts.push(
    `${plural(h.itemsAdded, 'story', 'stories')} added${h.itemsRejected ? `, ${h.itemsRejected} rejected` : ''}${h.itemsUndated ? `, ${h.itemsUndated} undated` : ''}`,
  );
  parts.push(`every ${feed.intervalMinutes} min, next ${when(h.nextPollAt)}`);
  if (feed.channels.length > 0) parts.push(`posts to ${feed.channels.map((c) => channelLabel(c.channelId)).join(', ')}`);
  return parts.join(' · ');
}
