import type { Claim, ClaimRequest, LedgerExport, SubscriptionInput, SubscriptionStore } from '../subscription-store.js';
import { toDelivery, toSubscription, type DeliveryRow, type SubscriptionRow } from '../stored-rows.js';
import type { SqliteDatabase } from './open-database.js';
import type { Synchronous } from '../synchronous.js';

/**
 * Subscriptions and the delivery ledger in SQLite. Claims run in IMMEDIATE transactions (the write
 * lock is taken before the row is read), so two bot processes on one database file cannot both
 * decide to send the same digest; the (subscription, local date) primary key backs that up.
 */
export function createSqliteSubscriptionStore(db: SqliteDatabase): Synchronous<SubscriptionStore> {
  const hasTable = db
    .prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'deliveries'")
    .get();
  if (!hasTable || hasTable.n === 0) {
    // A database created while migration 2 was missing has user_version 3 and never gets it.
    throw new Error('This database has no digest tables (schema migration 2 missing). Delete it, or create the store again.');
  }
  const q = {
    byChannelAny: db.prepare<[string], SubscriptionRow>('SELECT * FROM subscriptions WHERE channel_id = ?'),
    byChannel: db.prepare<[string], SubscriptionRow>('SELECT * FROM subscriptions WHERE channel_id = ? AND removed_at IS NULL'),
    byId: db.prepare<[number], SubscriptionRow>('SELECT * FROM subscriptions WHERE id = ? AND removed_at IS NULL'),
    insert: db.prepare(`INSERT INTO subscriptions (guild_id, channel_id, time, timezone, about, quiet, created_by, created_at)
      VALUES (@guildId, @channelId, @time, @timezone, @about, @quiet, @createdBy, @createdAt)`),
    update: db.prepare(`UPDATE subscriptions SET guild_id = @guildId, time = @time, timezone = @timezone, about = @about, quiet = @quiet,
      created_by = @createdBy, created_at = CASE WHEN removed_at IS NULL THEN created_at ELSE @createdAt END,
      removed_at = NULL, paused_at = NULL, pause_reason = NULL WHERE id = @id`),
    remove: db.prepare<[string, string]>('UPDATE subscriptions SET removed_at = ? WHERE channel_id = ? AND removed_at IS NULL'),
    listAll: db.prepare<[], SubscriptionRow>('SELECT * FROM subscriptions WHERE removed_at IS NULL ORDER BY id'),
    listGuild: db.prepare<[string], SubscriptionRow>('SELECT * FROM subscriptions WHERE removed_at IS NULL AND guild_id = ? ORDER BY id'),
    listNoGuild: db.prepare<[], SubscriptionRow>('SELECT * FROM subscriptions WHERE removed_at IS NULL AND guild_id IS NULL ORDER BY id'),
    pause: db.prepare<[string, string, number]>('UPDATE subscriptions SET paused_at = ?, pause_reason = ? WHERE id = ?'),
    delivery: db.prepare<[number, string], DeliveryRow>('SELECT * FROM deliveries WHERE subscription_id = ? AND local_date = ?'),
    lastFinished: db.prepare<[number], DeliveryRow>(
      "SELECT * FROM deliveries WHERE subscription_id = ? AND status IN ('delivered', 'skipped') ORDER BY at_ms DESC LIMIT 1",
    ),
    lastAny: db.prepare<[number], DeliveryRow>('SELECT * FROM deliveries WHERE subscription_id = ? ORDER BY scheduled_ms DESC LIMIT 1'),
    insertDelivery:
      db.prepare(`INSERT INTO deliveries (subscription_id, local_date, status, scheduled_ms, since_ms, at_ms, late, attempts, owner, lease_until_ms)
      VALUES (@subscriptionId, @localDate, 'pending', @scheduledMs, @sinceMs, @atMs, @late, 1, @owner, @leaseUntilMs)`),
    takeOver: db.prepare<
      [string, number, number, string]
    >(`UPDATE deliveries SET status = 'pending', owner = ?, lease_until_ms = ?, attempts = attempts + 1, next_attempt_ms = NULL,
      lease_version = lease_version + 1 WHERE subscription_id = ? AND local_date = ?`),
    hold: db.prepare<[number, number, string, string, number]>(
      "UPDATE deliveries SET lease_until_ms = ? WHERE subscription_id = ? AND local_date = ? AND owner = ? AND lease_version = ? AND status = 'pending'",
    ),
    open: db.prepare<[number, number], DeliveryRow>(`SELECT * FROM deliveries
      WHERE (status = 'pending' AND (lease_until_ms IS NULL OR lease_until_ms <= ?)) OR (status = 'retry' AND next_attempt_ms <= ?)
      ORDER BY scheduled_ms`),
    setParts: db.prepare<[string, number, number, string, string]>(
      "UPDATE deliveries SET message_ids = ?, lease_until_ms = ? WHERE subscription_id = ? AND local_date = ? AND owner = ? AND status = 'pending'",
    ),
    finish: db.prepare<[string, number, number, string, string]>(
      "UPDATE deliveries SET status = ?, finished_ms = ?, lease_until_ms = NULL WHERE subscription_id = ? AND local_date = ? AND owner = ? AND status = 'pending'",
    ),
    fail: db.prepare<[string, string, number | null, number | null, number, string, string]>(
      "UPDATE deliveries SET status = ?, last_error = ?, next_attempt_ms = ?, finished_ms = ?, lease_until_ms = NULL WHERE subscription_id = ? AND local_date = ? AND owner = ? AND status = 'pending'",
    ),
  };

  const subscribe = db.transaction((input: SubscriptionInput, now: Date) => {
    const existing = q.byChannelAny.get(input.channelId);
    const params = { ...input, quiet: input.quiet ? 1 : 0, createdAt: now.toISOString() };
    if (existing) {
      q.update.run({ ...params, id: existing.id });
      return { subscription: toSubscription(q.byChannelAny.get(input.channelId)!), replaced: existing.removed_at === null };
    }
    const info = q.insert.run(params);
    return { subscription: toSubscription(q.byId.get(Number(info.lastInsertRowid))!), replaced: false };
  });

  const msOf = (value: string | null): number | null => (value === null ? null : Date.parse(value));
  const importLedger = db.transaction((data: LedgerExport): { subscriptions: number; deliveries: number } => {
    const added = { subscriptions: 0, deliveries: 0 };
    const idOf = new Map<number, number>();
    for (const s of data.subscriptions) {
      const existing = q.byChannelAny.get(s.channelId);
      if (existing) {
        idOf.set(s.id, existing.id);
        continue;
      }
      const info = db
        .prepare(
          `INSERT INTO subscriptions (guild_id, channel_id, time, timezone, about, quiet, created_by, created_at, removed_at, paused_at, pause_reason)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          s.guildId,
          s.channelId,
          s.time,
          s.timezone,
          s.about,
          s.quiet ? 1 : 0,
          s.createdBy,
          s.createdAt,
          s.removedAt,
          s.pausedAt,
          s.pauseReason,
        );
      idOf.set(s.id, Number(info.lastInsertRowid));
      added.subscriptions++;
    }
    const insert =
      db.prepare(`INSERT OR IGNORE INTO deliveries (subscription_id, local_date, status, scheduled_ms, since_ms, at_ms, late, attempts, owner,
      lease_until_ms, next_attempt_ms, message_ids, last_error, finished_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const d of data.deliveries) {
      const id = idOf.get(d.subscriptionId);
      if (id === undefined) continue;
      const r = insert.run(
        id,
        d.localDate,
        d.status,
        Date.parse(d.scheduledAt),
        Date.parse(d.since),
        Date.parse(d.at),
        d.late ? 1 : 0,
        d.attempts,
        d.owner,
        msOf(d.leaseUntil),
        msOf(d.nextAttemptAt),
        JSON.stringify(d.messageIds),
        d.lastError,
        msOf(d.finishedAt),
      );
      added.deliveries += r.changes;
    }
    return added;
  });

  const claim = db.transaction((r: ClaimRequest): Claim | null => {
    const nowMs = r.now.getTime();
    const leaseUntilMs = nowMs + r.leaseMs;
    const row = q.delivery.get(r.subscriptionId, r.localDate);
    if (!row) {
      q.insertDelivery.run({
        subscriptionId: r.subscriptionId,
        localDate: r.localDate,
        scheduledMs: r.fresh.scheduledAt.getTime(),
        sinceMs: r.fresh.since.getTime(),
        atMs: r.fresh.at.getTime(),
        late: r.fresh.late ? 1 : 0,
        owner: r.owner,
        leaseUntilMs,
      });
      return { delivery: toDelivery(q.delivery.get(r.subscriptionId, r.localDate)!), resumed: false };
    }
    const leaseExpired = row.status === 'pending' && (row.lease_until_ms === null || row.lease_until_ms <= nowMs);
    const retryDue = row.status === 'retry' && row.next_attempt_ms !== null && row.next_attempt_ms <= nowMs;
    if (!leaseExpired && !retryDue) return null;
    q.takeOver.run(r.owner, leaseUntilMs, r.subscriptionId, r.localDate);
    return { delivery: toDelivery(q.delivery.get(r.subscriptionId, r.localDate)!), resumed: true };
  });

  const recordPart = db.transaction(
    (subscriptionId: number, localDate: string, owner: string, messageId: string, leaseUntil: Date, leaseVersion?: number): boolean => {
      const row = q.delivery.get(subscriptionId, localDate);
      if (!row || row.owner !== owner || row.status !== 'pending') return false;
      if (leaseVersion !== undefined && row.lease_version !== leaseVersion) return false;
      const ids = [...toDelivery(row).messageIds, messageId];
      return q.setParts.run(JSON.stringify(ids), leaseUntil.getTime(), subscriptionId, localDate, owner).changes === 1;
    },
  );

  return {
    subscribe: (input, now) => subscribe.immediate(input, now),
    unsubscribe: (channelId, now) => q.remove.run(now.toISOString(), channelId).changes > 0,
    get: (id) => {
      const row = q.byId.get(id);
      return row ? toSubscription(row) : null;
    },
    byChannel: (channelId) => {
      const row = q.byChannel.get(channelId);
      return row ? toSubscription(row) : null;
    },
    list: (guildId) => {
      const rows = guildId === undefined ? q.listAll.all() : guildId === null ? q.listNoGuild.all() : q.listGuild.all(guildId);
      return rows.map(toSubscription);
    },
    pause: (id, reason, now) => {
      q.pause.run(now.toISOString(), reason, id);
    },
    getDelivery: (subscriptionId, localDate) => {
      const row = q.delivery.get(subscriptionId, localDate);
      return row ? toDelivery(row) : null;
    },
    lastFinished: (subscriptionId) => {
      const row = q.lastFinished.get(subscriptionId);
      return row ? toDelivery(row) : null;
    },
    lastDelivery: (subscriptionId) => {
      const row = q.lastAny.get(subscriptionId);
      return row ? toDelivery(row) : null;
    },
    claimDelivery: (request) => claim.immediate(request),
    holdClaim: (subscriptionId, localDate, owner, leaseVersion, leaseUntil) =>
      q.hold.run(leaseUntil.getTime(), subscriptionId, localDate, owner, leaseVersion).changes === 1,
    recordPart: (subscriptionId, localDate, owner, messageId, leaseUntil, leaseVersion) =>
      recordPart.immediate(subscriptionId, localDate, owner, messageId, leaseUntil, leaseVersion),
    finishDelivery: (subscriptionId, localDate, owner, status, now) => {
      q.finish.run(status, now.getTime(), subscriptionId, localDate, owner);
    },
    failAttempt: (subscriptionId, localDate, owner, error, nextAttemptAt, now) => {
      const finalFailure = nextAttemptAt === null;
      q.fail.run(
        finalFailure ? 'failed' : 'retry',
        error.slice(0, 500),
        nextAttemptAt ? nextAttemptAt.getTime() : null,
        finalFailure ? now.getTime() : null,
        subscriptionId,
        localDate,
        owner,
      );
    },
    openDeliveries: (now) => q.open.all(now.getTime(), now.getTime()).map(toDelivery),
    exportLedger: () => ({
      subscriptions: db
        .prepare<[], SubscriptionRow>('SELECT * FROM subscriptions ORDER BY id')
        .all()
        .map((row) => ({ ...toSubscription(row), removedAt: row.removed_at })),
      deliveries: db.prepare<[], DeliveryRow>('SELECT * FROM deliveries ORDER BY subscription_id, local_date').all().map(toDelivery),
    }),
    importLedger: (data) => importLedger.immediate(data),
  };
}
