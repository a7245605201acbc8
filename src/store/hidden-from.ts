/**
 * A server whose counts leave out the stories hidden from it: those that only other servers' feeds
 * brought (`feed_stories`, DATELINE_FEED_STORIES=own-server; `FeedStore.storiesHiddenFrom` tells them
 * one by one). A story no feed brought is everyone's. Absent: every stored story counts, as before.
 * The store takes the guild id and finds the hidden stories itself, in the same database as the counts.
 */
export type HiddenFrom = string;
