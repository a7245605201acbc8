/**
 * `npm run start:sharded [-- --shards N]`: run the bot as several processes with discord.js's
 * ShardingManager, one gateway shard each. With SHARD_COUNT=4 SHARD_IDS=0,1 it runs shards 0 and 1 of
 * 4 here, and another machine runs 2,3 against the same store. Every child runs the main entry in the same form as this
 * file (dist/ JavaScript under `npm run start:sharded`; TypeScript through tsx only in development); discord.js hands it its
 * shard id through the environment (SHARDS, SHARD_COUNT), and per-guild work such as digests runs
 * only where `transport.ownsGuild(guildId)` holds, so each digest is posted by one process.
 */
import 'dotenv/config';
import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager } from 'discord.js';
import { createLogger } from '../../core/logger.js';
import { ConfigError, loadConfig } from '../../config.js';

/** True when this module runs as TypeScript (tsx, vitest), so the children need tsx too. */
const RUNNING_TS = import.meta.url.endsWith('.ts');
const MAIN = fileURLToPath(new URL(RUNNING_TS ? '../../main.ts' : '../../main.js', import.meta.url));

/** `--shards N` from the command line, else null (ask Discord). */
export function parseShardCount(argv: readonly string[]): number | null {
  const i = argv.indexOf('--shards');
  if (i < 0) return null;
  const n = Number(argv[i + 1]);
  if (!Number.isInteger(n) || n < 1) throw new ConfigError([`--shards: must be a whole number ≥ 1 (got ${String(argv[i + 1])})`]);
  return n;
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const token = config.discord.token;
  if (!token) throw new ConfigError(['DISCORD_TOKEN: required for start:sharded (the local shell needs no sharding)']);
  const log = createLogger({ level: config.logLevel, secrets: [token] });

  // --shards N, else SHARD_COUNT (with SHARD_IDS: this machine's share of them), else ask Discord.
  // discord.js's own "auto" count ignores a custom REST base, so ask GET /gateway/bot here.
  let totalShards = parseShardCount(process.argv.slice(2)) ?? config.sharding?.count ?? null;
  const shardList = config.sharding && config.sharding.count === totalShards ? config.sharding.ids : 'auto';
  // Each child gets its own shard id in SHARDS from the manager; this machine's list is not theirs.
  delete process.env.SHARD_IDS;
  if (totalShards === null) {
    const rest = new REST(config.discord.apiUrl ? { api: config.discord.apiUrl } : {}).setToken(token);
    totalShards = ((await rest.get(Routes.gatewayBot())) as { shards: number }).shards;
  }

  const manager = new ShardingManager(MAIN, {
    token,
    totalShards,
    shardList,
    mode: 'process',
    respawn: true,
    // Built children need no loader; tsx (a dev dependency) is resolved only when running TypeScript.
    execArgv: RUNNING_TS ? ['--import', import.meta.resolve('tsx')] : ['--enable-source-maps'],
  });
  manager.on('shardCreate', (shard) => {
    log.info('shard launched', { shard: shard.id, of: totalShards });
    shard.on('death', () => log.warn('shard process exited', { shard: shard.id }));
  });

  // Children handle SIGINT/SIGTERM themselves (finish replies, close the store); stop respawning them.
  const shutdown = (signal: NodeJS.Signals): void => {
    manager.respawn = false;
    log.info('stopping shards', { signal });
    for (const shard of manager.shards.values()) shard.process?.kill(signal);
    setTimeout(() => process.exit(0), 15_000).unref();
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));

  await manager.spawn({ amount: totalShards, delay: 5_500, timeout: 60_000 });
  log.info('all shards running', { totalShards, shards: shardList });
}

main().catch((error: unknown) => {
  process.stderr.write(
    error instanceof ConfigError
      ? `${error.message}\n`
      : `start:sharded failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
