import { hiddenFrom } from './hidden-from.js';
import type { DatelineStore } from './store.js';

/**
 * The store as one server sees it when stories only other servers' feeds brought are hidden from it
 * (DATELINE_FEED_STORIES=own-server): every count and name derived from the stored stories (/where's
 * total and timeline, /trend and the sparklines, the speakers autocomplete and `speaker:` offer, the
 * story count) leaves those stories out, each read passing the guild as `hiddenFrom`. The paged lists
 * (quotes, mentions, search hits) are left as they are: a command keeps what the server may see of
 * them (`FeedService.visibleTo`), counting positions among the items kept (`visiblePage`); the speakers
 * whose quotes a `speaker:` query lists are those named for the server, as its `speaker:` offer names them.
 * The parts keep their identity otherwise: caches kept per part (the digest's) stay shared.
 */
export function storeSeenBy(store: DatelineStore, guildId: string): DatelineStore {
  const { stories, quotes, places } = store;
  // one per view: the store finds the hidden stories once for all the reads of one command
  const seen = hiddenFrom(guildId);
  return {
    ...store,
    stories: {
      ...stories,
      searchDayCounts: (query, range) => stories.searchDayCounts(query, range, seen),
      count: () => stories.count(seen),
    },
    quotes: {
      ...quotes,
      findQuotes: (query) => quotes.findQuotes({ ...query, hiddenFrom: seen }),
      suggestSpeakers: (prefix, limit) => quotes.suggestSpeakers(prefix, limit, seen),
      speakersNamed: (query, limit) => quotes.speakersNamed(query, limit, seen),
      speakerDayCounts: (speakers, range) => quotes.speakerDayCounts(speakers, range, seen),
    },
    places: {
      ...places,
      countPlaceMentions: (ids) => places.countPlaceMentions(ids, seen),
      placeMentionMonths: (ids) => places.placeMentionMonths(ids, seen),
      placeMentionCounts: () => places.placeMentionCounts(seen),
      placeDayCounts: (ids, range) => places.placeDayCounts(ids, range, seen),
    },
  };
}
