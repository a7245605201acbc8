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
 * Under `npm run start:sharded` every shard process runs src/main.ts, with its shard ids in SHARDS.
 * Store-wide work (the first ingest, feed polling, the folder watcher) must run once: on the process
 * that holds shard 0, or on the only process.
 */
export function isPrimaryProcess(env: NodeJS.ProcessEnv): boolean {
  const shards = env.SHARDS?.trim();
  return (
    !shards ||
    shards
      .split(',')
      .map((s) => Number(s.trim()))
      .includes(0)
  );
}
