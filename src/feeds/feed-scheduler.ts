import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../core/logger.js';
import type { Reply } from '../core/reply.js';
import type { SendOptions, SendTarget } from '../transports/transport.js';
import type { FeedPost, FeedService } from './feed-service.js';

export interface FeedSchedulerDeps {
  feeds: FeedService;
  /** `transport.send`: new-story posts go through the same rendering, limits and mention rules as every message. */
  send: (target: SendTarget, reply: Reply, options?: SendOptions) => Promise<unknown>;
  log: Logger;
  /** How often to look for due feeds; each feed keeps its own interval. Default: every minute. */
  cronExpression?: string;
  /** Poll due feeds at once instead of waiting for the first tick (default true). */
  pollOnStart?: boolean;
  /** Tick on the cron schedule (default true); false: only when `tick()` is called (a driven clock). */
  autoTick?: boolean;
}

export interface FeedScheduler {
  /** One tick: poll what is due and post what is new. Exposed for tests and `dateline feed`. */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The scheduler only triggers (STYLE §9): a node-cron job every minute asks the feed service for due
 * feeds, so per-feed intervals and error backoff live in the store, not in cron expressions. A failed
 * tick or post is logged and the schedule keeps running.
 */
export function startFeedScheduler(deps: FeedSchedulerDeps): FeedScheduler {
  let current: Promise<void> | null = null;
  let stopped = false;

  /**
   * A post carries its nonce and the transport does not retry it: after a failure (which may come
   * after Discord created the message) one more attempt with the same nonce either posts it or gets
   * the message already created back, never a second copy.
   */
  const postOnce = async (feedUrl: string, post: FeedPost): Promise<void> => {
    for (let attempt = 1; attempt <= 2; attempt++) {
      try {
        await deps.send(post.target, post.reply, { nonce: post.nonce });
        return;
      } catch (error) {
        if (attempt === 2 || stopped)
          deps.log.warn('new-story post failed', { feed: feedUrl, channel: post.target.channelId, attempt, error });
        if (stopped) return;
      }
    }
  };

  const runTick = async (): Promise<void> => {
    const results = await deps.feeds.pollDue();
    for (const result of results) {
      for (const post of result.posts) {
        if (stopped) return;
        await postOnce(result.url, post);
      }
    }
  };

  const tick = (): Promise<void> => {
    // A slow tick (many feeds, slow hosts) is not overlapped by the next one.
    if (current) return current;
    current = runTick()
      .catch((error: unknown) => deps.log.error('feed tick failed', { error }))
      .finally(() => {
        current = null;
      });
    return current;
  };

  const task: ScheduledTask | null =
    (deps.autoTick ?? true) ? cron.schedule(deps.cronExpression ?? '* * * * *', () => tick(), { name: 'feeds', noOverlap: true }) : null;
  if (deps.pollOnStart ?? true) void tick();

  return {
    tick,
    async stop() {
      stopped = true;
      await task?.stop();
      await task?.destroy();
      // Abort slow fetches rather than wait out their 20 s timeouts: shutdown takes moments.
      await deps.feeds.stop();
      if (current) await current;
    },
  };
}
