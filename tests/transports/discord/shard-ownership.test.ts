import { describe, expect, it } from 'vitest';
import { isPrimaryProcess, ownsGuildOnShards, shardForGuild } from '../../../src/transports/discord/shard-ownership.js';

describe('shardForGuild', () => {
  // (guild_id >> 22) % shard_count, Discord's documented formula; expected values computed independently (Python).
  it.each([
    ['81384788765712384', 1, 0],
    ['81384788765712384', 2, 0],
    ['81384788765712384', 3, 1],
    ['41771983423143937', 2, 0],
    ['41771983423143937', 4, 2],
    ['175928847299117063', 16, 4],
  ])('guild %s over %i shards → shard %i', (guildId, count, expected) => {
    expect(shardForGuild(guildId, count)).toBe(expected);
    expect(shardForGuild(guildId, count)).toBe(Number((BigInt(guildId) >> 22n) % BigInt(count)));
  });

  it('rejects what is not a snowflake', () => {
    expect(() => shardForGuild('shell', 2)).toThrow(/Not a guild id/);
  });
});

describe('ownsGuildOnShards', () => {
  it('splits guilds between processes with no overlap and no gap', () => {
    const guilds = ['81384788765712384', '41771983423143937', '175928847299117063', '222078108977594368'];
    for (const g of guilds) {
      const owners = [[0], [1], [2]].filter((shards) => ownsGuildOnShards(g, shards, 3));
      expect(owners).toHaveLength(1);
    }
  });
  it("'auto' (one process, all shards) owns everything", () => {
    expect(ownsGuildOnShards('41771983423143937', 'auto', 1)).toBe(true);
  });
});

describe('isPrimaryProcess', () => {
  it.each([
    [{}, true],
    [{ SHARDS: '' }, true],
    [{ SHARDS: '0' }, true],
    [{ SHARDS: '2,0' }, true],
    [{ SHARDS: '1' }, false],
    [{ SHARDS: '1, 3' }, false],
    [{ SHARDS: '[1,3]' }, false],
    [{ SHARDS: '[0,3]' }, true],
    [{ SHARD_COUNT: '4', SHARD_IDS: '0,1' }, true],
    [{ SHARD_COUNT: '4', SHARD_IDS: '2,3' }, false],
    // SHARD_IDS names this machine's shards; SHARDS (start:sharded's child) is used only without it.
    [{ SHARD_IDS: '2,3', SHARDS: '0' }, false],
  ])('%j → %s', (env, expected) => {
    expect(isPrimaryProcess(env)).toBe(expected);
  });
});
