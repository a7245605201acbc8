import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REST, SlashCommandBuilder } from 'discord.js';
import { createMemoryLogger } from '../../../src/core/logger.js';
import { commandsHash, registerCommands } from '../../../src/transports/discord/register-commands.js';
import { deployCommands } from '../../../src/transports/discord/deploy-commands.js';
import { makeTempDir } from '../../helpers/paths.js';
import { startFakeDiscord, type FakeDiscord } from '../../e2e/fake-discord/fake-discord.js';

const def = (name: string, description = 'Does a thing') => new SlashCommandBuilder().setName(name).setDescription(description).toJSON();

describe('commandsHash', () => {
  it('ignores command order and key order, notices any change', () => {
    const a = def('alpha');
    const b = def('beta');
    expect(commandsHash([a, b])).toBe(commandsHash([b, a]));
    const reordered = Object.fromEntries(Object.entries(a).reverse()) as typeof a;
    expect(commandsHash([reordered])).toBe(commandsHash([a]));
    expect(commandsHash([def('alpha', 'Does another thing')])).not.toBe(commandsHash([a]));
  });
});

describe('registerCommands against the fake Discord', () => {
  let fake: FakeDiscord;
  let temp: ReturnType<typeof makeTempDir>;
  let rest: REST;
  const log = createMemoryLogger();
  const puts = (): number => fake.requests.filter((r) => r.method === 'PUT').length;

  beforeAll(async () => {
    fake = await startFakeDiscord();
    temp = makeTempDir();
    rest = new REST({ api: fake.apiUrl }).setToken(fake.token);
  });
  afterAll(async () => {
    await fake.close();
    temp.cleanup();
  });

  it('pushes once, skips unchanged definitions, pushes again on a change or when forced', async () => {
    const statePath = path.join(temp.dir, 'nested', 'state.json');
    const base = { rest, applicationId: fake.applicationId, guildId: fake.guilds[0]!.id, statePath, log };
    expect((await registerCommands({ ...base, definitions: [def('alpha')] })).registered).toBe(true);
    expect(fs.existsSync(statePath)).toBe(true);
    expect((await registerCommands({ ...base, definitions: [def('alpha')] })).registered).toBe(false);
    expect(puts()).toBe(1);
    expect((await registerCommands({ ...base, definitions: [def('alpha'), def('beta')] })).registered).toBe(true);
    expect(fake.commands.get(fake.guilds[0]!.id)!.map((c) => c.json.name)).toEqual(['alpha', 'beta']);
    expect((await registerCommands({ ...base, definitions: [def('alpha'), def('beta')], force: true })).registered).toBe(true);
    // Global scope has its own entry in the same state file.
    expect((await registerCommands({ ...base, guildId: null, definitions: [def('alpha')] })).registered).toBe(true);
    expect(fake.commands.get('global')).toHaveLength(1);
  });

  it('without a state file, pushes every time', async () => {
    const base = { rest, applicationId: fake.applicationId, guildId: null, statePath: null, log, definitions: [def('gamma')] };
    expect((await registerCommands(base)).registered).toBe(true);
    expect((await registerCommands(base)).registered).toBe(true);
  });

  it('surfaces Discord rejecting a definition', async () => {
    const bad = { ...def('delta'), name: 'Not Valid' };
    await expect(
      registerCommands({ rest, applicationId: fake.applicationId, guildId: null, statePath: null, log, definitions: [bad] }),
    ).rejects.toThrow(/Invalid Form Body/);
  });

  it('deployCommands looks the application id up when it is not configured', async () => {
    const result = await deployCommands({
      token: fake.token,
      applicationId: null,
      guildId: fake.guilds[0]!.id,
      apiUrl: fake.apiUrl,
      definitions: [def('epsilon')],
      statePath: null,
      log,
    });
    expect(result).toMatchObject({ registered: true, count: 1 });
    expect(fake.requests.some((r) => r.path === '/applications/@me' && r.status === 200)).toBe(true);
  });
});
