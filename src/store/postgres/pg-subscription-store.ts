import type { Claim, Delivery, SubscriptionStore } from '../subscription-store.js';
import { toDelivery, toSubscription, type DeliveryRow, type SubscriptionRow } from '../stored-rows.js';
import { inTransaction, type PgPool } from './pg-database.js';

/**
 * Subscriptions and the delivery ledger on PostgreSQL. Every claim is one statement a single
 * process can win: the insert of the intent (ON CONFLICT DO NOTHING), or the conditional update
 * that takes over an expired lease or a retry come due; the row lock decides between racers.
 */
export function createPgSubscriptionStore(pool: PgPool): SubscriptionStore {
  const one = async <T>(sql: string, params: unknown[]): Promise<T | null> =>
    ((await pool.query(sql, params)).rows[0] as T | undefined) ?? null;
  const delivery = async (subscriptionId: number, localDate: string): Promise<Delivery | null> => {
    const row = await one<DeliveryRow>('SELECT * FROM deliveries WHERE subscription_id = $1 AND local_date = $2', [
      subscriptionId,
      localDate,
    ]);
    return row ? toDelivery(row) : null;
  };
  return {
    async subscribe(input, now) {
      const row = await one<SubscriptionRow & { replaced: boolean | null }>(
        `WITH old AS (SELECT removed_at FROM subscriptions WHERE channel_id = $2)
        INSERT INTO subscriptions AS s (guild_id, channel_id, time, timezone, about, quiet, created_by, created_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        ON CONFLICT (channel_id) DO UPDATE SET guild_id = EXCLUDED.guild_id, time = EXCLUDED.time, timezone = EXCLUDED.timezone,
          about = EXCLUDED.about, quiet = EXCLUDED.quiet, created_by = EXCLUDED.created_by,
          created_at = CASE WHEN s.removed_at IS NULL THEN s.created_at ELSE EXCLUDED.created_at END,
          removed_at = NULL, paused_at = NULL, pause_reason = NULL
        RETURNING s.*, (SELECT removed_at IS NULL FROM old) AS replaced`,
        [input.guildId, input.channelId, input.time, input.timezone, input.about, input.quiet, input.createdBy, now.toISOString()],
      );
      return { subscription: toSubscription(row!), replaced: row!.replaced === true };
    },
    async unsubscribe(channelId, now) {
      return (
        ((
          await pool.query('UPDATE subscriptions SET removed_at = $1 WHERE channel_id = $2 AND removed_at IS NULL', [
            now.toISOString(),
            channelId,
          ])
        ).rowCount ?? 0) > 0
      );
    },
    async get(id) {
      const row = await one<SubscriptionRow>('SELECT * FROM subscriptions WHERE id = $1 AND removed_at IS NULL', [id]);
      return row ? toSubscription(row) : null;
    },
    async byChannel(channelId) {
      const row = await one<SubscriptionRow>('SELECT * FROM subscriptions WHERE channel_id = $1 AND removed_at IS NULL', [channelId]);
      return row ? toSubscription(row) : null;
    },
    async list(guildId) {
      const { rows } =
        guildId === undefined
          ? await pool.query<SubscriptionRow>('SELECT * FROM subscriptions WHERE removed_at IS NULL ORDER BY id')
          : guildId === null
            ? await pool.query<SubscriptionRow>('SELECT * FROM subscriptions WHERE removed_at IS NULL AND guild_id IS NULL ORDER BY id')
            : await pool.query<SubscriptionRow>('SELECT * FROM subscriptions WHERE removed_at IS NULL AND guild_id = $1 ORDER BY id', [
                guildId,
              ]);
      return rows.map(toSubscription);
    },
    async pause(id, reason, now) {
      await pool.query('UPDATE subscriptions SET paused_at = $1, pause_reason = $2 WHERE id = $3', [now.toISOString(), reason, id]);
    },
    getDelivery: delivery,
    async lastFinished(subscriptionId) {
      const row = await one<DeliveryRow>(
        "SELECT * FROM deliveries WHERE subscription_id = $1 AND status IN ('delivered', 'skipped') ORDER BY at_ms DESC LIMIT 1",
        [subscriptionId],
      );
      return row ? toDelivery(row) : null;
    },
    async lastDelivery(subscriptionId) {
      const row = await one<DeliveryRow>('SELECT * FROM deliveries WHERE subscription_id = $1 ORDER BY scheduled_ms DESC LIMIT 1', [
        subscriptionId,
      ]);
      return row ? toDelivery(row) : null;
    },
    async claimDelivery(r): Promise<Claim | null> {
      const nowMs = r.now.getTime();
      const leaseUntilMs = nowMs + r.leaseMs;
      const inserted = await one<DeliveryRow>(
        `INSERT INTO deliveries (subscription_id, local_date, status, scheduled_ms, since_ms, at_ms, late, attempts, owner, lease_until_ms)
        VALUES ($1, $2, 'pending', $3, $4, $5, $6, 1, $7, $8) ON CONFLICT (subscription_id, local_date) DO NOTHING RETURNING *`,
        [
          r.subscriptionId,
          r.localDate,
          r.fresh.scheduledAt.getTime(),
          r.fresh.since.getTime(),
          r.fresh.at.getTime(),
          r.fresh.late,
          r.owner,
          leaseUntilMs,
        ],
      );
      if (inserted) return { delivery: toDelivery(inserted), resumed: false };
      const taken = await one<DeliveryRow>(
        `UPDATE deliveries SET status = 'pending', owner = $1, lease_until_ms = $2, attempts = attempts + 1, next_attempt_ms = NULL, lease_version = lease_version + 1
        WHERE subscription_id = $3 AND local_date = $4
          AND ((status = 'pending' AND (lease_until_ms IS NULL OR lease_until_ms <= $5)) OR (status = 'retry' AND next_attempt_ms <= $5))
        RETURNING *`,
        [r.owner, leaseUntilMs, r.subscriptionId, r.localDate, nowMs],
      );
      return taken ? { delivery: toDelivery(taken), resumed: true } : null;
    },
    async holdClaim(subscriptionId, localDate, owner, leaseVersion, leaseUntil) {
      const result = await pool.query(
        "UPDATE deliveries SET lease_until_ms = $1 WHERE subscription_id = $2 AND local_date = $3 AND owner = $4 AND lease_version = $5 AND status = 'pending'",
        [leaseUntil.getTime(), subscriptionId, localDate, owner, leaseVersion],
      );
      return result.rowCount === 1;
    },
    async recordPart(subscriptionId, localDate, owner, messageId, leaseUntil, leaseVersion) {
      const result = await pool.query(
        `UPDATE deliveries SET message_ids = message_ids || to_jsonb($1::text), lease_until_ms = $2
        WHERE subscription_id = $3 AND local_date = $4 AND owner = $5 AND status = 'pending' AND ($6::int IS NULL OR lease_version = $6)`,
        [messageId, leaseUntil.getTime(), subscriptionId, localDate, owner, leaseVersion ?? null],
      );
      return result.rowCount === 1;
    },
    async finishDelivery(subscriptionId, localDate, owner, status, now) {
      await pool.query(
        "UPDATE deliveries SET status = $1, finished_ms = $2, lease_until_ms = NULL WHERE subscription_id = $3 AND local_date = $4 AND owner = $5 AND status = 'pending'",
        [status, now.getTime(), subscriptionId, localDate, owner],
      );
    },
    async failAttempt(subscriptionId, localDate, owner, error, nextAttemptAt, now) {
      const finalFailure = nextAttemptAt === null;
      await pool.query(
        `UPDATE deliveries SET status = $1, last_error = $2, next_attempt_ms = $3, finished_ms = $4, lease_until_ms = NULL
        WHERE subscription_id = $5 AND local_date = $6 AND owner = $7 AND status = 'pending'`,
        [
          finalFailure ? 'failed' : 'retry',
          error.slice(0, 500),
          nextAttemptAt ? nextAttemptAt.getTime() : null,
          finalFailure ? now.getTime() : null,
          subscriptionId,
          localDate,
          owner,
        ],
      );
    },
    async openDeliveries(now) {
      const { rows } = await pool.query<DeliveryRow>(
        `SELECT * FROM deliveries WHERE (status = 'pending' AND (lease_until_ms IS NULL OR lease_until_ms <= $1)) OR (status = 'retry' AND next_attempt_ms <= $1)
        ORDER BY scheduled_ms`,
        [now.getTime()],
      );
      return rows.map(toDelivery);
    },
    async exportLedger() {
      const subs = await pool.query<SubscriptionRow>('SELECT * FROM subscriptions ORDER BY id');
      const deliveries = await pool.query<DeliveryRow>('SELECT * FROM deliveries ORDER BY subscription_id, local_date');
      return {
        subscriptions: subs.rows.map((row) => ({ ...toSubscription(row), removedAt: row.removed_at })),
        deliveries: deliveries.rows.map(toDelivery),
      };
    },
    importLedger: (data) =>
      inTransaction(pool, async (client) => {
        const added = { subscriptions: 0, deliveries: 0 };
        const idOf = new Map<number, number>();
        const ms = (value: string | null): number | null => (value === null ? null : Date.parse(value));
        for (const s of data.subscriptions) {
          const inserted = await client.query<{ id: number }>(
            `INSERT INTO subscriptions (guild_id, channel_id, time, timezone, about, quiet, created_by, created_at, removed_at, paused_at, pause_reason)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (channel_id) DO NOTHING RETURNING id`,
            [
              s.guildId,
              s.channelId,
              s.time,
              s.timezone,
              s.about,
              s.quiet,
              s.createdBy,
              s.createdAt,
              s.removedAt,
              s.pausedAt,
              s.pauseReason,
            ],
          );
          if (inserted.rows[0]) added.subscriptions++;
          const id =
            inserted.rows[0]?.id ??
            (await client.query<{ id: number }>('SELECT id FROM subscriptions WHERE channel_id = $1', [s.channelId])).rows[0]!.id;
          idOf.set(s.id, id);
        }
        for (const d of data.deliveries) {
          const id = idOf.get(d.subscriptionId);
          if (id === undefined) continue;
          const r = await client.query(
            `INSERT INTO deliveries (subscription_id, local_date, status, scheduled_ms, since_ms, at_ms, late, attempts, owner, lease_until_ms, next_attempt_ms,
              message_ids, last_error, finished_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT DO NOTHING`,
            [
              id,
              d.localDate,
              d.status,
              Date.parse(d.scheduledAt),
              Date.parse(d.since),
              Date.parse(d.at),
              d.late,
              d.attempts,
              d.owner,
              ms(d.leaseUntil),
              ms(d.nextAttemptAt),
              JSON.stringify(d.messageIds),
              d.lastError,
              ms(d.finishedAt),
            ],
          );
          added.deliveries += r.rowCount ?? 0;
        }
        return added;
      }),
  };
}
