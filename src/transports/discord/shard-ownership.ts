/**
 * Which shard owns a guild: Discord's rule `(guild_id >> 22) % shard_count`
 * (https://discord.com/developers/docs/events/gateway#sharding). Per-guild work such as digests
 * runs only on the owning shard, so a sharded bot posts each digest once.
 */
export function shardForGuild(guildId: string, shardCount: number): number {
  if (!/^\d+$/.test(guildId)) throw new Error(`Not a guild id: ${guildId}`);
  if (shardCount <= 1) return 0;
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** True when one of `shards` (this process's shard ids) owns the guild; 'auto' means all of them. */
export function ownsGuildOnShards(guildId: string, shards: readonly number[] | 'auto', shardCount: number): boolean {
  if (shards === 'auto') return true;
  return shards.includes(shardForGuild(guildId, shardCount));
}

/**
 * Several processes share one store: `npm run start:sharded` children (shard ids in SHARDS), or
 * processes started with SHARD_COUNT and SHARD_IDS, on one machine or several. Work that must run
 * once per deployment and is not guarded by the store (the first ingest of the data folder, the
 * folder watcher, registering DATELINE_FEEDS) runs on the process that holds shard 0, or on the only
 * process. Feed polling is not among them: a lease in the store picks one poller per feed.
 */
export function isPrimaryProcess(env: NodeJS.ProcessEnv): boolean {
  const shards = (env.SHARD_IDS ?? env.SHARDS)?.trim().replace(/^\[|\]$/g, '');
  return (
    !shards ||
    shards
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((s) => Number(s.trim()))
      .includes(0)
  );
}
