import { randomBytes } from 'node:crypto';
import type { Clock } from '../core/clock.js';
import { withOverrides } from '../core/with-overrides.js';
import { UserError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import { reply, type Reply } from '../core/reply.js';
import { articleId, contentHash } from '../store/article-identity.js';
import { ingestRecords } from '../ingest/ingest-records.js';
import type { StoreRetryOptions } from '../ingest/store-retry.js';
import { emptyTally, type IngestTally } from '../ingest/ingest.js';
import type { AnalyzedArticle, ArticleAnalysis, NewArticle } from '../store/article-store.js';
import type { StoryStore } from '../store/story-store.js';
import {
  DEFAULT_FEED_INTERVAL_MINUTES,
  type Feed,
  type FeedChannel,
  type FeedPostScope,
  type FeedStore,
  type QueuedFeedPost,
} from '../store/feed-store.js';
import { messageNonce, type SendTarget } from '../transports/transport.js';
import { formatPublished, truncate } from '../views/format.js';
import { feedItemsToRecords } from './feed-items.js';
import { checkPublicUrl, guardedDispatcher, systemLookup, type AddressPolicy, type HostLookup } from './address-guard.js';
import { defaultFetchOptions, fetchFeed, type FetchFeedOptions } from './fetch-feed.js';
import { parseFeed } from './parse-feed.js';

/** A "new story" post taken from the outbox for `transport.send`. */
export interface FeedPost {
  /** The feed that brought the story. */
  url: string;
  articleId: string;
  /** Claims of this post so far, this one included: above 1 it may already be in the channel. */
  attempt: number;
  target: SendTarget;
  reply: Reply;
  /** Deterministic per (channel, story): Discord drops a repeat of the same post. */
  nonce: string;
  /** Text the post carries that identifies it in the channel (the story id in the footer). */
  marker: string;
}

/** What one poll of one feed did: the same tally as `dateline ingest`, plus what the poller needs. */
export interface FeedPollResult {
  /** The feed URL as registered / given (the `path` of every tally error). */
  url: string;
  outcome: 'ok' | 'not-modified' | 'failed';
  title: string | null;
  tally: IngestTally;
  /** Items stored with the fetch time because they had no date. */
  undated: number;
  addedIds: string[];
  /**
   * "New story" posts put in the outbox (claimPosts hands them out): none unless the feed has channels
   * and this is not its first successful poll.
   */
  queued: number;
  /** Set when the private-address guard refused the URL or a redirect target. */
  refused?: true;
}

export interface AddFeedInput {
  url: string;
  intervalMinutes?: number;
  channel?: FeedChannel | null;
  addedBy: string | null;
  origin?: 'config' | 'command';
  /** The guild adding it from chat (it becomes the feed's owner); null or absent: the operator. */
  guildId?: string | null;
}

/**
 * Live news from RSS/Atom: registering feeds, polling them (conditional GET, parse, map, ingest through
 * the same analysis and store as `dateline ingest`), and keeping each feed's health. Failures are
 * contained per feed: one bad feed is a failed result and a health entry, never an exception.
 */
export interface FeedService {
  /** Register a feed (or add a channel to a known one) and poll it once right away. */
  add(input: AddFeedInput): Promise<{ created: boolean; feed: Feed; poll: FeedPollResult }>;
  /**
   * Stop polling a feed. With a guild: that guild gives the feed up (its channels go; the feed goes when
   * no other guild has it and the operator did not list it); false when the guild does not have it.
   * Without (the operator: command line, local shell): the feed goes for everyone.
   */
  remove(url: string, guildId?: string | null): Promise<boolean>;
  removeChannel(url: string, channelId: string): Promise<boolean>;
  /**
   * Feeds as a guild sees them: those it added plus the operator's (DATELINE_FEEDS), each with only
   * that guild's channels. Without a guild (the operator): every feed, whole.
   */
  list(guildId?: string | null): Promise<Feed[]>;
  /** One feed as `list` shows it to the guild; null when unknown or not the guild's to see. */
  get(url: string, guildId?: string | null): Promise<Feed | null>;
  /** Register the feeds listed in configuration that the store does not know yet; returns how many were new. */
  ensureConfigured(urls: readonly string[]): Promise<number>;
  /** Poll these URLs once, now. Registered feeds use and update their validators and health; others are polled ad hoc. */
  poll(urls: readonly string[]): Promise<FeedPollResult[]>;
  /** Poll every registered feed whose time has come (interval, or backoff after failures). */
  pollDue(): Promise<FeedPollResult[]>;
  /**
   * The outbox: claim up to `limit` queued "new story" posts for this process to send, the oldest first,
   * dropping those whose feed, channel or story is gone. A post not finished (its process died, or the
   * send failed) is handed out again when its claim runs out, until MAX_POST_ATTEMPTS.
   */
  claimPosts(scope: FeedPostScope, limit?: number): Promise<FeedPost[]>;
  /** The post is in the channel (or given up): take it out of the outbox. */
  finishPost(post: Pick<FeedPost, 'target' | 'articleId'>): Promise<void>;
  /** Resolves when no poll is running (for shutdown). */
  idle(): Promise<void>;
  /** Shutdown: abort every fetch in flight, refuse new polls, and resolve once none is running. */
  stop(): Promise<void>;
  /**
   * The items a server may be shown (/search hits, digest candidates): with the setting
   * `own-server`, stories that only other servers' feeds brought are left out; `shared`: all.
   * No guild (the operator, the local shell): all.
   */
  visibleTo<T extends { id: string }>(guildId: string | null, items: readonly T[]): Promise<T[]>;
  /** Whether `visibleTo` may leave anything out for this server: a paged list must then count positions among what it keeps. */
  hidesStoriesFrom(guildId: string | null): boolean;
}

/** Who sees stories fetched for one server's feed (config DATELINE_FEED_STORIES). */
export type FeedStoryVisibility = 'shared' | 'own-server';

export interface FeedServiceDeps {
  feedStore: FeedStore;
  store: StoryStore;
  analyze: (article: NewArticle) => ArticleAnalysis;
  clock: Clock;
  /**
   * Retries of a chunk that finds the store locked. Shorter than a file ingest's by default (10 s):
   * the validators are saved only with the items, so the next poll fetches whatever this one could not store.
   */
  storeRetry?: StoreRetryOptions;
  log: Logger;
  fetch?: Partial<FetchFeedOptions>;
  defaultIntervalMinutes?: number;
  /** Cap on "new story" posts per feed per poll, so a feed that republishes everything cannot flood a channel. */
  maxPostsPerPoll?: number;
  /** Feeds fetched at once by pollDue. */
  concurrency?: number;
  /**
   * Let chat-added feeds (`/feeds add`) reach loopback, private, link-local and other non-public
   * addresses (config `DATELINE_FEEDS_ALLOW_PRIVATE`, for local set-ups and tests). Off by default:
   * feeds added from chat, and every redirect they take, must be public. Feeds the operator listed
   * (DATELINE_FEEDS) or polls from the command line are trusted either way.
   */
  allowPrivateAddresses?: boolean;
  /** Who sees stories fetched for one server's feed; `shared` (everyone) by default. */
  storyVisibility?: FeedStoryVisibility;
  /** How many feeds one guild may add (config DATELINE_GUILD_MAX_FEEDS); unlimited when absent. */
  maxFeedsPerGuild?: number;
  /** DNS for the guard (all addresses of a name); node:dns by default. */
  lookup?: HostLookup;
  /**
   * This process's name in the feed poll leases (issue 17): processes sharing a store poll each due
   * feed once, whoever takes its lease first. Random by default, so a restarted process never
   * mistakes a dead one's lease for its own.
   */
  pollerId?: string;
  /** Test-only: resolved addresses the guard lets through (a "public" test host served on loopback). */
  treatAsPublic?: readonly string[];
}

const MAX_BACKOFF_MS = 6 * 3600_000;

/**
 * How long a claimed post is this process's to send: far more than a send and its one retry take, and
 * short enough that a post whose sender died goes out a couple of minutes late, not never.
 */
export const POST_CLAIM_MS = 2 * 60_000;
/** A post that failed this many claims (channel deleted, access lost) is given up, so it cannot block the outbox. */
export const MAX_POST_ATTEMPTS = 5;

/** Next poll after `failures` failures in a row: the interval doubled per failure, capped at 6 h (never below the interval). */
export function backoffDelayMs(intervalMinutes: number, failures: number, retryAfterMs: number | null = null): number {
  const base = intervalMinutes * 60_000;
  const delay = failures <= 0 ? base : Math.max(base, Math.min(base * 2 ** Math.min(failures, 20), MAX_BACKOFF_MS));
  return Math.max(delay, retryAfterMs ?? 0);
}

/** Only absolute http(s) URLs are feeds; the text is trimmed and normalised by the URL parser. */
export function normaliseFeedUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim().replace(/^<|>$/g, ''));
  } catch {
    throw new UserError(
      'bad_url',
      `"${truncate(input, 200)}" is not a URL. Give the feed's full address, e.g. https://example.com/rss.xml`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UserError('bad_url', `Only http and https feeds can be polled, not ${url.protocol}`);
  }
  return url.toString();
}

/** The longest a poll may hold a feed's lease: far more than a fetch (20 s) and its ingest take. */
const MAX_POLL_LEASE_MS = 10 * 60_000;

/**
 * How long a poller holds a feed: no longer than the feed's interval, so when the holder dies
 * mid-poll another process polls the feed at most one interval late (within two intervals of the
 * last poll), and no longer than MAX_POLL_LEASE_MS for feeds polled hourly or daily.
 */
export function pollLeaseMs(intervalMinutes: number): number {
  return Math.min(Math.max(1, intervalMinutes) * 60_000, MAX_POLL_LEASE_MS);
}

export function createFeedService(deps: FeedServiceDeps): FeedService {
  const pollerId = deps.pollerId ?? `poller-${randomBytes(4).toString('hex')}`;
  const fetchOptions: FetchFeedOptions = { ...defaultFetchOptions, ...deps.fetch };
  const defaultInterval = deps.defaultIntervalMinutes ?? DEFAULT_FEED_INTERVAL_MINUTES;
  const maxPosts = deps.maxPostsPerPoll ?? 5;
  const inFlight = new Map<string, Promise<FeedPollResult>>();
  const policy: AddressPolicy = {
    lookup: deps.lookup ?? systemLookup,
    ...(deps.treatAsPublic ? { treatAsPublic: deps.treatAsPublic } : {}),
  };
  // Shutdown aborts every fetch in flight through this signal instead of waiting out their timeouts.
  const shutdown = new AbortController();
  fetchOptions.signal = shutdown.signal;
  // Chat-added feeds: the URL is checked first (a clear refusal), then every connection's own DNS
  // answer, so a name that resolves elsewhere the second time (rebinding) is still refused. Made on the
  // first guarded fetch: the dispatcher loads undici, which a bot without chat-added feeds never needs.
  let guardedOptions: FetchFeedOptions | null = null;
  const guardedFetchOptions = (): FetchFeedOptions =>
    (guardedOptions ??= {
      ...fetchOptions,
      checkUrl: (url) => checkPublicUrl(url, policy),
      dispatcher: guardedDispatcher(policy),
    });
  /** Only feeds added from chat are guarded; the operator's own feeds and command-line polls are trusted. */
  const guarded = (feed: Feed | null): boolean => !deps.allowPrivateAddresses && feed?.origin === 'command';

  /** One poll, never throwing: a bug inside still ends as a failed result with a reason. */
  function pollOne(url: string, trusted = false): Promise<FeedPollResult> {
    const running = inFlight.get(url);
    if (running) return running;
    if (shutdown.signal.aborted) return Promise.resolve(failed(url, 'not polled: the bot is shutting down'));
    const promise = runPoll(url, trusted)
      .catch((error: unknown): FeedPollResult => {
        deps.log.error('feed poll crashed', { feed: url, error });
        return failed(url, `internal error: ${(error as Error).message}`);
      })
      .finally(() => inFlight.delete(url));
    inFlight.set(url, promise);
    return promise;
  }

  async function runPoll(url: string, trusted: boolean): Promise<FeedPollResult> {
    const feed = await deps.feedStore.getFeed(url);
    const started = deps.clock.now();
    const interval = feed?.intervalMinutes ?? defaultInterval;
    const recordFailure = async (reason: string, retryAfterMs: number | null): Promise<FeedPollResult> => {
      deps.log.warn('feed poll failed', { feed: url, reason });
      if (feed) {
        const failures = feed.health.consecutiveFailures + 1;
        await deps.feedStore.recordPoll({
          url,
          polledAt: started,
          outcome: 'failed',
          added: 0,
          rejected: 0,
          undated: 0,
          error: reason,
          nextPollAt: new Date(started.getTime() + backoffDelayMs(interval, failures, retryAfterMs)),
        });
      }
      return failed(url, reason, feed?.title ?? null);
    };

    const options = !trusted && guarded(feed) ? guardedFetchOptions() : fetchOptions;
    const fetched = await fetchFeed(url, { etag: feed?.etag ?? null, lastModified: feed?.lastModified ?? null }, options);
    if (fetched.kind === 'error') {
      // Aborted by shutdown: not the feed's fault, so no failure is counted and it stays due.
      if (shutdown.signal.aborted) return failed(url, fetched.reason, feed?.title ?? null);
      const result = await recordFailure(fetched.reason, fetched.retryAfterMs);
      return fetched.refused ? { ...result, refused: true } : result;
    }
    const nextPollAt = new Date(started.getTime() + backoffDelayMs(interval, 0));
    if (fetched.kind === 'not-modified') {
      if (feed)
        await deps.feedStore.recordPoll({
          url,
          polledAt: started,
          outcome: 'not-modified',
          added: 0,
          rejected: 0,
          undated: 0,
          error: null,
          nextPollAt,
        });
      deps.log.debug('feed not modified', { feed: url });
      return { url, outcome: 'not-modified', title: feed?.title ?? null, tally: emptyTally(), undated: 0, addedIds: [], queued: 0 };
    }

    const parsed = parseFeed(fetched.body);
    if (!parsed.ok) return await recordFailure(parsed.reason, null);
    const records = feedItemsToRecords(parsed.feed, { feedUrl: fetched.url, fetchedAt: started });
    // The validators are saved in the transaction that stores the items, never without them: a poll
    // whose items failed to store ("database is locked") must fetch them again, not get a 304.
    let storeFailure: string | null = null;
    const validators = { title: parsed.feed.title, etag: fetched.etag, lastModified: fetched.lastModified };
    // "New story" posts go in the outbox before their stories are stored, and wait there until they are
    // (claimPosts): a process that dies after storing a chunk still leaves its posts to be sent, where
    // posts queued after the stories were lost with it (the next poll finds the stories stored, not new).
    // The first successful poll posts nothing: it only seeds the store (as MonitoRSS does).
    const posting = feed !== null && feed.health.lastSuccessAt !== null && feed.channels.length > 0;
    let postsLeft = posting ? maxPosts : 0;
    let queued = 0;
    const itemStore = withOverrides(deps.store, {
      addArticles: async (batch) => {
        const owed = postsLeft > 0 ? await newStoryIds(batch, postsLeft) : [];
        if (owed.length > 0) await deps.feedStore.queuePosts(postsFor(feed!, owed), deps.clock.now());
        try {
          const added = feed
            ? await deps.feedStore.commitItems(url, validators, () => deps.store.addArticles(batch))
            : await deps.store.addArticles(batch);
          storeFailure = null; // a busy chunk that a retry stored is not a failure
          // Stories this chunk did not add after all (the same story under another link) post nothing.
          const addedNow = new Set(added.added);
          await deps.feedStore.unqueuePosts(
            url,
            owed.filter((id) => !addedNow.has(id)),
          );
          const posted = owed.filter((id) => addedNow.has(id)).length;
          postsLeft -= posted;
          queued += posted * (feed?.channels.length ?? 0);
          return added;
        } catch (error) {
          storeFailure = (error as Error).message;
          // The chunk is one transaction: the posts of stories it did not store go (a retry queues them
          // again); those of stories it stored (an error after the commit) stay to be sent.
          await unqueueUnstored(url, owed).catch(() => undefined);
          throw error;
        }
      },
    });
    const { tally, addedIds } = await ingestRecords(records, url, {
      store: itemStore,
      analyze: deps.analyze,
      storeRetry: deps.storeRetry ?? { maxWaitMs: 10_000 },
    });
    if (storeFailure !== null) {
      const result = await recordFailure(`storing the feed's items failed: ${storeFailure as string}`, null);
      return { ...result, tally: { ...tally, errors: result.tally.errors }, title: parsed.feed.title };
    }
    const addedSet = new Set(addedIds);
    // Which feed brought these stories: with DATELINE_FEED_STORIES=own-server, who may see them.
    if (feed) {
      const seen = records
        .flatMap((r) => (r.ok ? [articleId(r.article.url, contentHash(r.article.body))] : []))
        .filter((id) => !addedSet.has(id));
      await deps.feedStore.recordFeedStories(url, { added: addedIds, seen });
    }
    const undated = records.filter((r) => r.ok && r.undated && addedSet.has(articleId(r.article.url, contentHash(r.article.body)))).length;
    for (const e of tally.errors) deps.log.warn('feed item rejected', { feed: url, line: e.line, reason: e.reason });
    const itemProblem = tally.errors.length > 0 ? `${tally.errors.length} item(s) rejected; first: ${tally.errors[0]!.reason}` : null;
    if (feed) {
      await deps.feedStore.recordPoll({
        url,
        polledAt: started,
        outcome: 'ok',
        added: tally.added,
        rejected: tally.rejected,
        undated,
        error: itemProblem,
        nextPollAt,
      });
    }
    deps.log.info('feed polled', { feed: url, added: tally.added, duplicate: tally.duplicate, rejected: tally.rejected });
    return { url, outcome: 'ok', title: parsed.feed.title, tally, undated, addedIds, queued };
  }

  /** Those of these story ids the store does not hold, in their order. */
  async function unstored(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const stored = await deps.store.identities(ids);
    return ids.filter((id) => !stored.has(id));
  }

  async function unqueueUnstored(url: string, ids: readonly string[]): Promise<void> {
    await deps.feedStore.unqueuePosts(url, await unstored(ids));
  }

  /** The ids of a chunk's stories not stored yet, in feed order, at most `limit`. */
  async function newStoryIds(batch: readonly AnalyzedArticle[], limit: number): Promise<string[]> {
    return (await unstored([...new Set(batch.map(({ article }) => articleId(article.url, contentHash(article.body))))])).slice(0, limit);
  }

  function postsFor(feed: Feed, articleIds: readonly string[]): Omit<QueuedFeedPost, 'attempts'>[] {
    return articleIds.flatMap((articleId) => feed.channels.map((channel) => ({ url: feed.url, articleId, channel })));
  }

  async function claimPosts(scope: FeedPostScope, limit = 25): Promise<FeedPost[]> {
    const now = deps.clock.now();
    const claimed = await deps.feedStore.claimPosts(pollerId, now, new Date(now.getTime() + POST_CLAIM_MS), limit, scope);
    const feeds = new Map<string, Feed | null>();
    const posts: FeedPost[] = [];
    for (const job of claimed) {
      if (!feeds.has(job.url)) feeds.set(job.url, await deps.feedStore.getFeed(job.url));
      const feed = feeds.get(job.url) ?? null;
      const article = await deps.store.getById(job.articleId);
      const stillFollowed = feed?.channels.some((c) => c.channelId === job.channel.channelId) ?? false;
      if (!article || !feed || !stillFollowed || job.attempts > MAX_POST_ATTEMPTS) {
        deps.log.warn('new-story post given up', {
          feed: job.url,
          channel: job.channel.channelId,
          article: job.articleId,
          reason: !article ? 'story no longer stored' : !stillFollowed ? 'feed or channel removed' : `failed ${MAX_POST_ATTEMPTS} times`,
        });
        await deps.feedStore.finishPost(job.channel.channelId, job.articleId);
        continue;
      }
      posts.push({
        url: job.url,
        articleId: job.articleId,
        attempt: job.attempts,
        target: { channelId: job.channel.channelId, guildId: job.channel.guildId },
        reply: newStoryReply(article, feed),
        nonce: messageNonce('feed-story', job.channel.channelId, article.id),
        marker: `id ${article.id}`,
      });
    }
    return posts;
  }

  /**
   * Poll these URLs, a few at a time. With `claim`, each feed is polled only when its lease is won
   * right before its turn (not all up front, so a long queue cannot outlive its leases); the
   * results hold only the feeds this process polled.
   */
  async function pollMany(urls: readonly string[], trusted = false, claim?: (url: string) => Promise<boolean>): Promise<FeedPollResult[]> {
    const results: (FeedPollResult | null)[] = new Array<FeedPollResult | null>(urls.length).fill(null);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < urls.length) {
        const i = next++;
        const url = urls[i]!;
        if (claim && !(await claim(url))) continue;
        results[i] = await pollOne(url, trusted);
        // Stopped mid-poll: nothing was recorded, so hand the feed back at once instead of making
        // the other processes wait out the lease.
        if (claim && shutdown.signal.aborted) await deps.feedStore.releasePoll(url, pollerId).catch(() => undefined);
      }
    };
    await Promise.all(Array.from({ length: Math.min(deps.concurrency ?? 4, urls.length) }, worker));
    return results.filter((r): r is FeedPollResult => r !== null);
  }

  return {
    async add(input) {
      const url = normaliseFeedUrl(input.url);
      if (input.intervalMinutes !== undefined && (!Number.isInteger(input.intervalMinutes) || input.intervalMinutes < 1)) {
        throw new UserError('bad_interval', 'The interval is a whole number of minutes, at least 1.');
      }
      const known = await deps.feedStore.getFeed(url);
      const origin = input.origin ?? 'command';
      const guildId = input.guildId ?? null;
      if (guildId !== null && !known?.owners.includes(guildId) && deps.maxFeedsPerGuild !== undefined) {
        const owned = (await deps.feedStore.feedsOwnedBy(guildId)).length;
        if (owned >= deps.maxFeedsPerGuild) {
          throw new UserError(
            'feed_limit',
            `This server already has ${owned} feeds, the most it may have (${deps.maxFeedsPerGuild}). Remove one with /feeds remove first.`,
            { error: 'feed_limit', limit: deps.maxFeedsPerGuild },
          );
        }
      }
      // A URL typed in chat must name a public host (SSRF), unless the operator listed it already.
      if (origin === 'command' && !deps.allowPrivateAddresses && known?.origin !== 'config') {
        const refusal = await checkPublicUrl(url, policy);
        if (refusal !== null) throw refusedError(url, refusal);
      }
      // A new feed gets the configured default interval; a known one keeps its own unless one is given.
      const interval = input.intervalMinutes ?? (known ? undefined : defaultInterval);
      const { created } = await deps.feedStore.addFeed({
        url,
        ...(interval !== undefined ? { intervalMinutes: interval } : {}),
        origin,
        addedAt: deps.clock.now(),
        addedBy: input.addedBy,
        channel: input.channel ?? null,
        guildId,
      });
      const poll = await pollOne(url);
      if (poll.refused) {
        // The public URL redirected inside: a new feed is not kept.
        if (created) await deps.feedStore.removeFeed(url);
        throw refusedError(url, poll.tally.errors[0]?.reason ?? 'refused');
      }
      return { created, feed: asSeenBy((await deps.feedStore.getFeed(url))!, guildId)!, poll };
    },
    remove: async (url, guildId = null) =>
      guildId === null ? await deps.feedStore.removeFeed(tryNormalise(url)) : await deps.feedStore.removeOwner(tryNormalise(url), guildId),
    removeChannel: async (url, channelId) => await deps.feedStore.removeChannel(tryNormalise(url), channelId),
    list: async (guildId = null) => {
      if (guildId === null) return await deps.feedStore.listFeeds();
      return (await deps.feedStore.listFeeds()).flatMap((f) => asSeenBy(f, guildId) ?? []);
    },
    get: async (url, guildId = null) => {
      const feed = await deps.feedStore.getFeed(tryNormalise(url));
      return feed ? asSeenBy(feed, guildId) : null;
    },
    async ensureConfigured(urls) {
      let added = 0;
      for (const raw of urls) {
        let url: string;
        try {
          url = normaliseFeedUrl(raw);
        } catch (error) {
          deps.log.warn('configured feed ignored', { feed: raw, reason: (error as Error).message });
          continue;
        }
        if (await deps.feedStore.getFeed(url)) continue;
        await deps.feedStore.addFeed({
          url,
          intervalMinutes: defaultInterval,
          origin: 'config',
          addedAt: deps.clock.now(),
          addedBy: null,
          channel: null,
        });
        added += 1;
      }
      return added;
    },
    // The command line: the operator typed these URLs, so no private-address guard.
    poll: (urls) => pollMany(urls.map(tryNormalise), true),
    // Every process sharing the store runs this; each due feed is polled by the one that takes its lease.
    pollDue: async () => {
      const due = await deps.feedStore.dueFeeds(deps.clock.now());
      const interval = new Map(due.map((f) => [f.url, f.intervalMinutes]));
      return pollMany(
        due.map((f) => f.url),
        false,
        (url) => {
          const now = deps.clock.now();
          const until = new Date(now.getTime() + pollLeaseMs(interval.get(url) ?? defaultInterval));
          return deps.feedStore.claimPoll(url, pollerId, now, until);
        },
      );
    },
    claimPosts,
    finishPost: (post) => deps.feedStore.finishPost(post.target.channelId, post.articleId),
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight.values()]);
    },
    hidesStoriesFrom: (guildId) => (deps.storyVisibility ?? 'shared') === 'own-server' && guildId !== null,
    async visibleTo(guildId, items) {
      if ((deps.storyVisibility ?? 'shared') === 'shared' || guildId === null || items.length === 0) return [...items];
      const hidden = await deps.feedStore.storiesHiddenFrom(
        guildId,
        items.map((i) => i.id),
      );
      return items.filter((i) => !hidden.has(i.id));
    },
    async stop() {
      shutdown.abort();
      while (inFlight.size > 0) await Promise.allSettled([...inFlight.values()]);
    },
  };
}

function refusedError(url: string, reason: string): UserError {
  return new UserError(
    'private_address',
    `${truncate(url, 200)} cannot be added: ${reason}. Feeds added from chat must be on a public host; the operator can list private feeds in DATELINE_FEEDS or allow them with DATELINE_FEEDS_ALLOW_PRIVATE=on.`,
  );
}

/**
 * A feed as one guild may see it: its own feeds and the operator's, with only its own channels (other
 * servers' channels and ownership are theirs). Null when the guild may not see it. No guild: the operator, who sees all.
 */
export function asSeenBy(feed: Feed, guildId: string | null): Feed | null {
  if (guildId === null) return feed;
  const own = feed.owners.includes(guildId);
  if (!own && feed.origin !== 'config') return null;
  return { ...feed, owners: own ? [guildId] : [], channels: feed.channels.filter((c) => c.guildId === guildId) };
}

function tryNormalise(url: string): string {
  try {
    return normaliseFeedUrl(url);
  } catch {
    return url.trim();
  }
}

function failed(url: string, reason: string, title: string | null = null): FeedPollResult {
  return {
    url,
    outcome: 'failed',
    title,
    tally: { added: 0, duplicate: 0, rejected: 1, errors: [{ path: url, line: null, reason }] },
    undated: 0,
    addedIds: [],
    queued: 0,
  };
}

/** The short "new story" post: headline linking to the story, the lead, source and time. Plain text: the transport escapes and limits it. */
export function newStoryReply(
  article: { id: string; headline: string; body: string; url: string | null; source: string; published: string },
  feed: Pick<Feed, 'url' | 'title'>,
): Reply {
  const lead = article.body.split(/\n\s*\n/)[0] ?? article.body;
  return reply({
    title: truncate(article.headline, 240),
    text: truncate(lead.replace(/\s+/g, ' '), 350),
    ...(article.url ? { url: article.url } : {}),
    footer: `${article.source} · ${formatPublished(article.published)} · id ${article.id}`,
    data: { feed: feed.url, articleId: article.id },
  });
}
