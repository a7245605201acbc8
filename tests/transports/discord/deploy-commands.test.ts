import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.js';
import { makeTempDir, repoRoot } from '../../helpers/paths.js';
import { startFakeDiscord, type FakeDiscord } from '../../e2e/fake-discord/fake-discord.js';

const run = promisify(execFile);

// One process spawn (~2 s CPU for tsx start-up): it proves the npm script's wiring (config, command list).
describe('npm run deploy-commands (the real script, against the fake Discord)', () => {
  let fake: FakeDiscord;
  let temp: ReturnType<typeof makeTempDir>;
  beforeAll(async () => {
    fake = await startFakeDiscord();
    temp = makeTempDir();
  });
  afterAll(async () => {
    await fake.close();
    temp.cleanup();
  });

  it('registers every command in the guild and records the hash', async () => {
    // cwd is a temp dir, so no developer .env is read; every key is set explicitly.
    const { stdout } = await run(
      path.join(repoRoot, 'node_modules/.bin/tsx'),
      [path.join(repoRoot, 'src/transports/discord/deploy-commands.ts')],
      {
        cwd: temp.dir,
        env: {
          ...process.env,
          DISCORD_TOKEN: fake.token,
          DISCORD_API_URL: fake.apiUrl,
          DISCORD_GUILD_ID: fake.guilds[0]!.id,
          DISCORD_APPLICATION_ID: '',
          DATELINE_DATA_DIR: temp.dir,
        },
        timeout: 30_000,
      },
    );
    expect(stdout).toMatch(new RegExp(`Registered ${commands.length} commands \\(guild ${fake.guilds[0]!.id}\\)`));
    expect(
      fake.commands
        .get(fake.guilds[0]!.id)!
        .map((c) => c.json.name)
        .sort(),
    ).toEqual(commands.map((c) => c.data.name).sort());
  }, 40_000);
});
