/**
 * A server whose counts leave out the stories hidden from it: those that only other servers' feeds
 * brought (`feed_stories`, DATELINE_FEED_STORIES=own-server; `FeedStore.storiesHiddenFrom` tells them
 * one by one). A story no feed brought is everyone's. The store finds the hidden stories itself, in the
 * same database as the counts. Absent: every stored story counts, as before.
 *
 * One is made per command (`storeSeenBy`), and the store finds the hidden stories once for it (kept
 * against this object), however many counts the command reads: /trend resolves and counts up to
 * three terms, /where reads a count, a timeline and a chart.
 */
export interface HiddenFrom {
  readonly guildId: string;
}

export function hiddenFrom(guildId: string): HiddenFrom {
  return { guildId };
}
