import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../core/logger.js';
import type { Reply } from '../core/reply.js';
import type { FeedPostScope } from '../store/feed-store.js';
import type { SendOptions, SendTarget, SentMessage } from '../transports/transport.js';
import type { FeedPost, FeedService } from './feed-service.js';

export interface FeedSchedulerDeps {
  feeds: FeedService;
  /** `transport.send`: new-story posts go through the same rendering, limits and mention rules as every message. */
  send: (target: SendTarget, reply: Reply, options?: SendOptions) => Promise<unknown>;
  /**
   * The transport's `findRecentMessage`: a post claimed again (its sender died, or its send failed after
   * Discord may have created the message) is first looked for in the channel by its marker. Without it
   * (the shell), the nonce alone guards against a second copy.
   */
  findRecentMessage?: (target: SendTarget, marker: string) => Promise<SentMessage | null>;
  /** Which outbox posts this process delivers: server channels (Discord) or the shell's own. */
  postScope: FeedPostScope;
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
 * feeds, so per-feed intervals and error backoff live in the store, not in cron expressions. Polls put
 * their new-story posts in the store's outbox and each tick then sends what it can claim there, so a
 * post survives the process that queued it. A failed tick or post is logged and the schedule keeps running.
 */
export function startFeedScheduler(deps: FeedSchedulerDeps): FeedScheduler {
  let current: Promise<void> | null = null;
  let stopped = false;

  /**
   * A post carries its nonce and the transport does not retry it: after a failure (which may come
   * after Discord created the message) one more attempt with the same nonce either posts it or gets
   * the message already created back, never a second copy.
   */
  const postOnce = async (post: FeedPost): Promise<boolean> => {
    if (post.attempt > 1 && deps.findRecentMessage) {
      const found = await deps.findRecentMessage(post.target, post.marker).catch(() => null);
      if (found) return true;
    }
    for (let attempt = 1; attempt <= 2; attempt++) {
      try {
        await deps.send(post.target, post.reply, { nonce: post.nonce });
        return true;
      } catch (error) {
        if (attempt === 2 || stopped)
          deps.log.warn('new-story post failed', { feed: post.url, channel: post.target.channelId, attempt: post.attempt, error });
        if (stopped) return false;
      }
    }
    return false;
  };

  /** Send what the outbox hands this process; a failed post stays claimed and comes back when its claim runs out. */
  const deliverQueued = async (): Promise<void> => {
    for (;;) {
      const posts = await deps.feeds.claimPosts(deps.postScope);
      if (posts.length === 0) return;
      for (const post of posts) {
        if (stopped) return;
        if (await postOnce(post)) await deps.feeds.finishPost(post);
      }
    }
  };

  const runTick = async (): Promise<void> => {
    await deps.feeds.pollDue();
    await deliverQueued();
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
