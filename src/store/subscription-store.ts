/**
 * Digest subscriptions and their delivery ledger: the second narrow interface of the store.
 * SQLite implements it (src/store/sqlite/sqlite-subscription-store.ts); a PostgreSQL backend can
 * implement the same calls, so the scheduler and `/digest` never see SQL.
 */

export interface SubscriptionInput {
  guildId: string | null;
  channelId: string;
  /** `HH:MM`, wall-clock time in `timezone`. */
  time: string;
  /** IANA zone. */
  timezone: string;
  /** Optional place or topic filter. */
  about: string | null;
  /** Post nothing (instead of a short note) on a day without stories. */
  quiet: boolean;
  createdBy: string;
}

export interface Subscription extends SubscriptionInput {
  id: number;
  /** ISO instant; the first digest is the first occurrence after this. */
  createdAt: string;
  /** Set when posting failed after every retry; re-subscribing clears it. */
  pausedAt: string | null;
  pauseReason: string | null;
}

/**
 * pending: intent recorded, a sender holds the lease (or crashed holding it);
 * retry: the last attempt failed, try again at `nextAttemptAt`;
 * delivered / skipped (quiet day, nothing to post) / failed (gave up): final.
 */
export type DeliveryStatus = 'pending' | 'retry' | 'delivered' | 'skipped' | 'failed';

export interface Delivery {
  subscriptionId: number;
  /** `YYYY-MM-DD` in the subscription's zone: with the subscription, the ledger key. */
  localDate: string;
  status: DeliveryStatus;
  /** When it was due. */
  scheduledAt: string;
  /** The window of stories: published in [since, at). Fixed at the first claim so retries post the same digest. */
  since: string;
  at: string;
  late: boolean;
  attempts: number;
  owner: string | null;
  /** The fencing token: bumped by every claim, so a sender can tell that its claim is still the current one. */
  leaseVersion: number;
  leaseUntil: string | null;
  nextAttemptAt: string | null;
  /** Message ids of the parts posted so far, in order. */
  messageIds: string[];
  lastError: string | null;
  finishedAt: string | null;
}

export interface ClaimRequest {
  subscriptionId: number;
  localDate: string;
  /** Who is sending: one id per scheduler process. */
  owner: string;
  now: Date;
  leaseMs: number;
  /** Used only when no ledger row exists yet. */
  fresh: { scheduledAt: Date; since: Date; at: Date; late: boolean };
}

export interface Claim {
  delivery: Delivery;
  /** True when an earlier attempt may have posted parts: check the channel before re-sending. */
  resumed: boolean;
}

/** A subscription as stored, unsubscribed ones too (their ledger still guards against a second post). */
export interface StoredSubscription extends Subscription {
  removedAt: string | null;
}

/** Every subscription and ledger row: what `dateline migrate` copies from one store to another. */
export interface LedgerExport {
  subscriptions: StoredSubscription[];
  deliveries: Delivery[];
}

export interface SubscriptionStore {
  /** Create, or update the channel's existing subscription (one per channel) and un-pause it. */
  subscribe(input: SubscriptionInput, now: Date): Promise<{ subscription: Subscription; replaced: boolean }>;
  /** Remove the channel's subscription; false when it had none. */
  unsubscribe(channelId: string, now: Date): Promise<boolean>;
  get(id: number): Promise<Subscription | null>;
  byChannel(channelId: string): Promise<Subscription | null>;
  /** Active and paused subscriptions; of one guild, or all when `guildId` is undefined. */
  list(guildId?: string | null): Promise<Subscription[]>;
  pause(id: number, reason: string, now: Date): Promise<void>;

  getDelivery(subscriptionId: number, localDate: string): Promise<Delivery | null>;
  /** The newest delivered or skipped digest: its `at` starts the next digest's window. */
  lastFinished(subscriptionId: number): Promise<Delivery | null>;
  /** The newest ledger row of any status, for `/digest list`. */
  lastDelivery(subscriptionId: number): Promise<Delivery | null>;
  /**
   * Atomically take the right to send (subscription, local date): insert the intent, or take over a
   * crashed sender's expired lease, or a retry that has come due. Null when someone else holds it
   * or it is finished. Two processes on one database never both get a claim.
   */
  claimDelivery(request: ClaimRequest): Promise<Claim | null>;
  /**
   * Right before a part is sent: true, and the lease extended to `leaseUntil`, only when the row is still
   * pending under this owner and lease version (compared and extended in one statement). A sender that
   * was paused while another took over its expired lease gets false and must not post.
   */
  holdClaim(subscriptionId: number, localDate: string, owner: string, leaseVersion: number, leaseUntil: Date): Promise<boolean>;
  /** Record one posted part and extend the lease. False when the claim was lost to another owner (or a newer claim, given `leaseVersion`). */
  recordPart(
    subscriptionId: number,
    localDate: string,
    owner: string,
    messageId: string,
    leaseUntil: Date,
    leaseVersion?: number,
  ): Promise<boolean>;
  finishDelivery(subscriptionId: number, localDate: string, owner: string, status: 'delivered' | 'skipped', now: Date): Promise<void>;
  /** A failed attempt: retry at `nextAttemptAt`, or give up (status failed) when it is null. */
  failAttempt(
    subscriptionId: number,
    localDate: string,
    owner: string,
    error: string,
    nextAttemptAt: Date | null,
    now: Date,
  ): Promise<void>;
  /** Rows a scheduler should pick up: pending with an expired lease, retries come due. */
  openDeliveries(now: Date): Promise<Delivery[]>;

  /** Every subscription (removed ones too) and every ledger row. */
  exportLedger(): Promise<LedgerExport>;
  /**
   * Add what this store lacks of an export, matching subscriptions by channel (one per channel): a
   * channel already subscribed here keeps its own row, and ledger rows already here are kept. Returns
   * how many subscriptions and ledger rows were added, so running it twice adds nothing.
   */
  importLedger(data: LedgerExport): Promise<{ subscriptions: number; deliveries: number }>;
}
