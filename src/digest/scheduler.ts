import { randomBytes } from 'node:crypto';
import cron, { type ScheduledTask } from 'node-cron';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import { localDateKey } from '../core/zoned-time.js';
import type { GeoService } from '../geo/types.js';
import type { Claim, Subscription, SubscriptionStore } from '../store/subscription-store.js';
import { messageNonce, SendCancelledError, type SendTarget, type SentMessage, type Transport } from '../transports/transport.js';
import { buildDigest, digestWindowStart, type BuildDigestDeps } from './build-digest.js';
import { storeVisibleTo, type StoryVisibilityFilter } from './visible-store.js';
import { digestMarker, partMarker, renderDigest } from './render-digest.js';
import { latestOccurrence, parseDigestTime } from './schedule-time.js';

export interface DigestSchedulerOptions {
  subscriptions: SubscriptionStore;
  store: BuildDigestDeps['store'];
  geo?: GeoService;
  transport: Transport;
  clock: Clock;
  log: Logger;
  /** Whether this process posts to the target (the Discord shard owning the guild; the shell its own channel). */
  ownsTarget?: (target: SendTarget) => boolean;
  /**
   * Targets this process can reach although another owns them (Discord's REST posts to any channel,
   * whichever process holds the guild's gateway shard). Such digests are taken over only when their
   * owner looks gone: a claim whose lease ran out, a retry come due, or a digest still unclaimed
   * `takeoverAfterMs` after its time. The ledger claim keeps it to one post either way. Default: none.
   */
  canPost?: (target: SendTarget) => boolean;
  /** How late an unclaimed digest must be before a process that does not own its target takes it. */
  takeoverAfterMs?: number;
  /** This process's name in the ledger; random by default, so a restart never mistakes a crashed claim for its own. */
  owner?: string;
  /** How long a claim stays ours without progress before another scheduler may resume it. */
  leaseMs?: number;
  /** Attempts before the subscription is paused. */
  maxAttempts?: number;
  /** Wait before attempt n+1 (the last entry repeats). */
  retryDelaysMs?: readonly number[];
  /** A send (or channel look-up) that has not answered after this counts as failed. */
  sendTimeoutMs?: number;
  /** Posted this long after its time, a digest says it is late. */
  lateAfterMs?: number;
  /** Yesterday's missed digest (downtime across midnight) is still posted up to this long after its time. */
  maxLateMs?: number;
  /** The stories a server may see (`FeedService.visibleTo`: DATELINE_FEED_STORIES); all when absent. */
  visibleTo?: StoryVisibilityFilter;
  /** node-cron expression of the tick; every minute by default. */
  cronExpression?: string;
}

/** What one tick did, by `subscriptionId/localDate` key: for logs and tests. */
export interface TickReport {
  delivered: string[];
  late: string[];
  skipped: string[];
  /** Open intents whose digest was found already posted in the channel. */
  resolved: string[];
  retrying: string[];
  failed: string[];
}

export interface DigestScheduler {
  /** Catch up (open intents, late digests) once, then tick every minute. */
  start(): Promise<void>;
  /** Stop the timer and wait for the tick in progress. */
  stop(): Promise<void>;
  /** Everything due at `now`: tests call this with a fake clock instead of waiting. */
  tick(now?: Date): Promise<TickReport>;
}

const DEFAULTS = {
  leaseMs: 2 * 60_000,
  maxAttempts: 5,
  retryDelaysMs: [60_000, 2 * 60_000, 5 * 60_000, 15 * 60_000],
  sendTimeoutMs: 60_000,
  lateAfterMs: 5 * 60_000,
  maxLateMs: 12 * 3_600_000,
  takeoverAfterMs: 3 * 60_000,
  cronExpression: '* * * * *',
};

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The daily-digest scheduler. node-cron only triggers; every tick works out from the ledger what is
 * due, so it needs no in-memory schedule: subscriptions made by another process, DST gaps a cron
 * job would skip, retries and digests missed during downtime are all found the same way.
 * Exactly once: claim (intent) → send part by part, recording each → mark delivered.
 */
export function createDigestScheduler(options: DigestSchedulerOptions): DigestScheduler {
  const o = { ...DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as typeof DEFAULTS &
    DigestSchedulerOptions;
  const owner = options.owner ?? `scheduler-${randomBytes(4).toString('hex')}`;
  const { subscriptions, log, transport } = options;
  let task: ScheduledTask | null = null;
  let running: Promise<TickReport> | null = null;

  const owns = (sub: Subscription): boolean => {
    try {
      return options.ownsTarget ? options.ownsTarget({ channelId: sub.channelId, guildId: sub.guildId }) : true;
    } catch {
      return false;
    }
  };
  /** Another process owns the target, but this one can post there if that one is gone. */
  const canTakeOver = (sub: Subscription): boolean => {
    try {
      return options.canPost?.({ channelId: sub.channelId, guildId: sub.guildId }) ?? false;
    } catch {
      return false;
    }
  };

  /** Post one claimed digest; every failure ends in the ledger, never in the caller. */
  async function deliver(claim: Claim, sub: Subscription, report: TickReport): Promise<void> {
    const d = claim.delivery;
    const key = `${sub.id}/${d.localDate}`;
    const target: SendTarget = { channelId: sub.channelId, guildId: sub.guildId };
    const marker = digestMarker(sub.id, d.localDate);
    try {
      const digest = await buildDigest(
        { store: storeVisibleTo(options.store, sub.guildId, options.visibleTo), ...(options.geo ? { geo: options.geo } : {}) },
        { since: new Date(d.since), at: new Date(d.at), tz: sub.timezone, about: sub.about },
      );
      if (digest.storyCount === 0 && sub.quiet) {
        await subscriptions.finishDelivery(sub.id, d.localDate, owner, 'skipped', options.clock.now());
        report.skipped.push(key);
        return;
      }
      const parts = renderDigest(digest, { marker, lateSince: d.late ? new Date(d.scheduledAt) : null });
      const leaseUntil = (): Date => new Date(options.clock.now().getTime() + o.leaseMs);
      // The fencing check: this claim is still the current one (same owner, same lease version).
      const stillOurs = (): Promise<boolean> => subscriptions.holdClaim(sub.id, d.localDate, owner, d.leaseVersion, leaseUntil());
      const lost = (): void =>
        log.warn('digest claim lost; not posting', { subscription: sub.id, localDate: d.localDate, leaseVersion: d.leaseVersion });
      let foundPosted = false;
      for (let i = d.messageIds.length; i < parts.length; i++) {
        const partKey = partMarker(marker, i);
        // A resumed claim may have posted this part before the crash: look before posting again.
        if (claim.resumed && transport.findRecentMessage) {
          const found = await withTimeout(transport.findRecentMessage(target, partKey), o.sendTimeoutMs, 'looking for the digest');
          if (found) {
            foundPosted = true;
            if (!(await subscriptions.recordPart(sub.id, d.localDate, owner, found.id, leaseUntil(), d.leaseVersion))) return lost();
            continue;
          }
        }
        if (!(await stillOurs())) return lost();
        let sent: SentMessage;
        try {
          // The same nonce on every attempt and in every process: Discord drops a repeat of this part.
          const nonce = messageNonce('digest', sub.id, d.localDate, i);
          sent = await withTimeout(
            transport.send(target, parts[i]!, { nonce, beforeSend: stillOurs }),
            o.sendTimeoutMs,
            'posting the digest',
          );
        } catch (error) {
          if (error instanceof SendCancelledError) return lost();
          // A timeout or a 5xx may come after Discord created the message: look before calling it failed.
          const found = transport.findRecentMessage
            ? await withTimeout(transport.findRecentMessage(target, partKey), o.sendTimeoutMs, 'looking for the digest').catch(() => null)
            : null;
          if (!found) throw error;
          log.info('digest part was posted although sending failed', {
            subscription: sub.id,
            localDate: d.localDate,
            part: i + 1,
            error: errorText(error),
          });
          sent = found;
        }
        if (!(await subscriptions.recordPart(sub.id, d.localDate, owner, sent.id, leaseUntil(), d.leaseVersion))) {
          log.warn('digest claim lost while posting', { subscription: sub.id, localDate: d.localDate });
          return;
        }
      }
      await subscriptions.finishDelivery(sub.id, d.localDate, owner, 'delivered', options.clock.now());
      if (foundPosted) report.resolved.push(key);
      else report.delivered.push(key);
      if (d.late) report.late.push(key);
      log.info('digest posted', {
        subscription: sub.id,
        channel: sub.channelId,
        localDate: d.localDate,
        parts: parts.length,
        late: d.late,
        resolved: foundPosted,
      });
    } catch (error) {
      const now = options.clock.now();
      const reason = errorText(error);
      if (d.attempts >= o.maxAttempts) {
        await subscriptions.failAttempt(sub.id, d.localDate, owner, reason, null, now);
        await subscriptions.pause(sub.id, `posting failed ${d.attempts} times (last: ${reason})`, now);
        report.failed.push(key);
        log.error('digest failed; subscription paused', {
          subscription: sub.id,
          channel: sub.channelId,
          localDate: d.localDate,
          attempts: d.attempts,
          error: reason,
        });
      } else {
        const delays = o.retryDelaysMs;
        const delay = delays[Math.min(d.attempts - 1, delays.length - 1)] ?? 60_000;
        await subscriptions.failAttempt(sub.id, d.localDate, owner, reason, new Date(now.getTime() + delay), now);
        report.retrying.push(key);
        log.warn('digest post failed; will retry', {
          subscription: sub.id,
          channel: sub.channelId,
          localDate: d.localDate,
          attempt: d.attempts,
          retryInMs: delay,
          error: reason,
        });
      }
    }
  }

  async function runTick(now: Date): Promise<TickReport> {
    const report: TickReport = { delivered: [], late: [], skipped: [], resolved: [], retrying: [], failed: [] };
    const work: Promise<void>[] = [];
    const claimed = new Set<string>();

    // 1. Open ledger rows: crashed intents whose lease ran out, retries come due. Any process that
    //    can post there takes them: the owner of the channel may be the process that crashed.
    for (const open of await subscriptions.openDeliveries(now)) {
      const sub = await subscriptions.get(open.subscriptionId);
      if (!sub || sub.pausedAt || !(owns(sub) || canTakeOver(sub))) continue;
      const claim = await subscriptions.claimDelivery({
        subscriptionId: sub.id,
        localDate: open.localDate,
        owner,
        now,
        leaseMs: o.leaseMs,
        fresh: { scheduledAt: new Date(open.scheduledAt), since: new Date(open.since), at: new Date(open.at), late: open.late },
      });
      if (!claim) continue;
      claimed.add(`${sub.id}/${open.localDate}`);
      work.push(deliver(claim, sub, report));
    }

    // 2. Digests whose time has come and that have no ledger row yet.
    for (const sub of await subscriptions.list()) {
      const own = owns(sub);
      if (sub.pausedAt || !(own || canTakeOver(sub))) continue;
      const time = parseDigestTime(sub.time);
      if (!time) continue;
      const occurrence = latestOccurrence(now, time, sub.timezone);
      const key = `${sub.id}/${occurrence.localDate}`;
      if (claimed.has(key)) continue;
      // Not before the subscription existed; yesterday's only shortly after a midnight downtime.
      if (occurrence.at.getTime() < Date.parse(sub.createdAt)) continue;
      const isToday = occurrence.localDate === localDateKey(now, sub.timezone);
      const lateBy = now.getTime() - occurrence.at.getTime();
      if (!isToday && lateBy > o.maxLateMs) continue;
      // The owner gets the first minutes; after that its process is taken to be down.
      if (!own && lateBy < o.takeoverAfterMs) continue;
      if (await subscriptions.getDelivery(sub.id, occurrence.localDate)) continue;
      const late = lateBy > o.lateAfterMs;
      const at = late ? now : occurrence.at;
      const previous = await subscriptions.lastFinished(sub.id);
      const claim = await subscriptions.claimDelivery({
        subscriptionId: sub.id,
        localDate: occurrence.localDate,
        owner,
        now,
        leaseMs: o.leaseMs,
        fresh: { scheduledAt: occurrence.at, since: digestWindowStart(at, previous ? new Date(previous.at) : null), at, late },
      });
      if (!claim) continue;
      work.push(deliver(claim, sub, report));
    }

    // 3. Channels post in parallel: a slow or broken one holds up nobody.
    await Promise.allSettled(work);
    return report;
  }

  async function tick(now: Date = options.clock.now()): Promise<TickReport> {
    // One tick at a time per process; the ledger keeps other processes out.
    while (running) await running.catch(() => undefined);
    running = runTick(now);
    try {
      return await running;
    } finally {
      running = null;
    }
  }

  const safeTick = async (): Promise<void> => {
    try {
      const report = await tick();
      const busy = (Object.values(report) as string[][]).some((list) => list.length > 0);
      if (busy) log.debug('digest tick', { ...report });
    } catch (error) {
      log.error('digest tick failed', { error });
    }
  };

  return {
    async start() {
      await safeTick();
      task = cron.schedule(o.cronExpression, () => safeTick(), { name: `dateline-digests-${owner}`, noOverlap: true });
    },
    async stop() {
      if (task) {
        await task.destroy();
        task = null;
      }
      if (running) await running.catch(() => undefined);
    },
    tick,
  };
}
