/**
 * End to end: the real discord.js client logs in to the fake Discord on 127.0.0.1, registers the
 * commands and answers interactions; every payload is validated by the fake as Discord would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands as productCommands } from '../../commands/index.js';
import { reply } from '../../src/core/reply.js';
import { buildDigest } from '../../src/digest/build-digest.js';
import { digestMarker, partMarker, renderDigest } from '../../src/digest/render-digest.js';
import { createMemoryLogger } from '../../src/core/logger.js';
import { createDiscordTransport, type DiscordTransport } from '../../src/transports/discord/discord-transport.js';
import { MANAGE_GUILD_PERMISSIONS, startFakeDiscord, type OptionInput } from './fake-discord/fake-discord.js';
import { answerOf, embedsOf, startBot, textOf, type Bot } from './bot-harness.js';

let bot: Bot;
/** Known at collection time, so tests for commands that have not landed yet are skipped, not failed. */
const productNames = new Set(productCommands.map((c) => c.data.name));

beforeAll(async () => {
  // Discord allows 3 s to acknowledge; the fake allows 1.5 s so deferral is exercised quickly, with
  // room for a loaded CI machine; the slow commands (1.8 s) still outlast it.
  // Global registration, so the commands also exist in DMs (guild commands do not).
  bot = await startBot({
    fake: { interactionAckTimeoutMs: 1500, heartbeatIntervalMs: 300 },
    slowMs: 1800,
    deferAfterMs: 400,
    guildId: null,
  });
}, 30_000);

afterAll(async () => {
  await bot?.close();
});

/** Options for a command from its registered definition: required strings get `text`, numbers their minimum. */
function requiredOptions(name: string, text: string): Record<string, OptionInput> | null {
  const json = bot.registry.get(name)!.data.toJSON();
  const values: Record<string, OptionInput> = {};
  for (const o of json.options ?? []) {
    if (o.type === 1 || o.type === 2) return null; // subcommands: covered by their own tests
    if (!o.required) continue;
    if (o.type === 3) values[o.name] = o.choices?.[0]?.value ?? text;
    else if (o.type === 4 || o.type === 10) values[o.name] = o.min_value ?? 1;
    else if (o.type === 5) values[o.name] = true;
    else if (o.type === 7) values[o.name] = bot.fake.guilds[0]!.channelId;
    else return null;
  }
  return values;
}

/** The first string option of a command (for /where PLACE, /quote SPEAKER …). */
function firstStringOption(name: string): string | null {
  return (
    bot.registry
      .get(name)
      ?.data.toJSON()
      .options?.find((o) => o.type === 3)?.name ?? null
  );
}

describe('Discord transport against the fake Discord', () => {
  it('logs in with the Guilds intent only and registers every command (globally without a guild id)', () => {
    expect(bot.fake.gateway.identifies).toEqual([{ shard: [0, 1], intents: 1 }]);
    const registered = bot.fake.commands
      .get('global')!
      .map((c) => c.json.name)
      .sort();
    expect(registered).toEqual([...bot.registry.keys()].sort());
    expect(registered).toEqual(expect.arrayContaining(['search', 'latest']));
    expect(bot.transport.registration?.registered).toBe(true);
  });

  it('answers /search with a valid embed listing the sample story', async () => {
    const i = bot.fake.sendChatInput('search', { query: 'Raqqa' });
    const message = await answerOf(bot.fake, i);
    expect(i.callbacks).toEqual([4]);
    expect(message.ephemeral).toBe(false);
    const [embed] = embedsOf(message);
    expect(embed!.title).toBe('Search: Raqqa');
    expect(embed!.fields!.length).toBeGreaterThan(0);
    expect(textOf(message)).toMatch(/Xinhua/);
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('answers /latest, newest first', async () => {
    const i = bot.fake.sendChatInput('latest', { count: 2 });
    const message = await answerOf(bot.fake, i);
    const [embed] = embedsOf(message);
    expect(embed!.title).toBe('Latest stories');
    expect(embed!.fields).toHaveLength(2);
    // The mention article (2017-09-10) is newer than the Xinhua sample (2017-09-09).
    expect(embed!.fields![0]!.name).toMatch(/Zanzibarite/);
  });

  it('answers a user error as a short ephemeral message', async () => {
    const i = bot.fake.sendChatInput('search', { query: 'qwxzv nothingmatches' });
    const message = await answerOf(bot.fake, i);
    expect(message.ephemeral).toBe(true);
    expect(String(message.body.content)).toMatch(/No story matches/);
  });

  it.runIf(productNames.has('where'))('answers /where Raqqa with a map attachment', async () => {
    const i = bot.fake.sendChatInput('where', { ...requiredOptions('where', 'Raqqa'), [firstStringOption('where')!]: 'Raqqa' });
    const message = await answerOf(bot.fake, i, 8000);
    const [embed] = embedsOf(message);
    expect(textOf(message)).toMatch(/Raqqa/i);
    // The map, and the small chart of stories over time under the facts (issue 19).
    expect(message.files).toHaveLength(2);
    expect(embed!.image!.url).toBe(`attachment://${message.files[0]!.filename}`);
    expect(embedsOf(message).at(-1)!.image!.url).toBe(`attachment://${message.files[1]!.filename}`);
    // A real PNG: the signature bytes.
    expect([...message.files[0]!.bytes.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it.runIf(productNames.has('summary'))('answers /summary', async () => {
    const about: Record<string, OptionInput> = bot.registry
      .get('summary')!
      .data.toJSON()
      .options?.some((o) => o.name === 'about')
      ? { about: 'Raqqa' }
      : {};
    const i = bot.fake.sendChatInput('summary', { ...requiredOptions('summary', 'Raqqa'), ...about });
    const message = await answerOf(bot.fake, i, 8000);
    expect(message.ephemeral).toBe(false);
    expect(embedsOf(message)[0]!.description!.length).toBeGreaterThan(0);
    expect(bot.fake.rejected()).toEqual([]);
  });

  it.runIf(productNames.has('quote'))('answers /quote', async () => {
    const i = bot.fake.sendChatInput('quote', requiredOptions('quote', 'Syria') ?? {});
    const message = await answerOf(bot.fake, i, 8000);
    expect(textOf(message).length).toBeGreaterThan(0);
    expect(bot.fake.rejected()).toEqual([]);
  });

  it.runIf(productNames.has('digest'))('/digest subscribe then list, as a Manage Server member, through real interactions', async () => {
    const g = bot.fake.guilds[0]!;
    const extra = { permissions: MANAGE_GUILD_PERMISSIONS };
    const subscribed = await answerOf(
      bot.fake,
      bot.fake.sendChatInput(
        'digest',
        { channel: g.channelId, time: '08:00', timezone: 'Europe/London' },
        { ...extra, subcommand: 'subscribe' },
      ),
      8000,
    );
    expect(textOf(subscribed)).toMatch(/08:00/);
    const listed = await answerOf(bot.fake, bot.fake.sendChatInput('digest', {}, { ...extra, subcommand: 'list' }), 8000);
    expect(textOf(listed)).toMatch(/Europe\/London/);
    // In a DM the guild-configuring command is refused by the transport.
    const dm = await answerOf(bot.fake, bot.fake.sendChatInput('digest', {}, { inGuild: false, subcommand: 'list' }));
    expect(String(dm.body.content)).toMatch(/only works in a server/);
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('answers every registered command with a payload Discord accepts', async () => {
    const product = [...bot.registry.keys()].filter((n) => !n.startsWith('test-'));
    for (const name of product) {
      const values = requiredOptions(name, 'Raqqa');
      if (values === null) continue;
      const i = bot.fake.sendChatInput(name, values);
      const message = await answerOf(bot.fake, i, 8000);
      expect(message, `/${name}`).toBeTruthy();
    }
    expect(bot.fake.rejected()).toEqual([]);
  }, 30_000);

  it('answers an autocomplete with at most 25 choices of at most 100 characters', async () => {
    const i = bot.fake.sendAutocomplete('test-pick', { name: 'story', value: 'Zanz' });
    const choices = await bot.fake.waitFor(() => i.choices, 3000, 'autocomplete choices');
    expect(i.callbacks).toEqual([8]);
    expect(choices.length).toBe(25);
    for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
    expect(choices[0]!.name).toMatch(/^Zanzibarite/);
  });

  it('answers the autocomplete of every product command that has one', async () => {
    for (const [name, command] of bot.registry) {
      if (name.startsWith('test-') || !command.autocomplete) continue;
      const json = command.data.toJSON();
      const sub = json.options?.find((o) => o.type === 1 && o.options?.some((x) => x.autocomplete));
      const focused = (sub?.options ?? json.options ?? []).find((o) => o.autocomplete);
      if (!focused) continue;
      const i = bot.fake.sendAutocomplete(name, { name: focused.name, value: 'Ra' }, {}, sub ? { subcommand: sub.name } : {});
      const choices = await bot.fake.waitFor(() => i.choices, 3000, `/${name} autocomplete`);
      expect(choices.length).toBeLessThanOrEqual(25);
    }
  });

  it('defers a slow command at once and edits the reply when it is done', async () => {
    const i = bot.fake.sendChatInput('test-slow');
    const message = await answerOf(bot.fake, i);
    expect(i.callbacks).toEqual([5]);
    expect(message.kind).toBe('edit-original');
    expect(embedsOf(message)[0]!.title).toBe('Slow answer');
  });

  it('defers a command that turns out slow, before Discord gives up on it', async () => {
    const i = bot.fake.sendChatInput('test-late');
    const message = await answerOf(bot.fake, i);
    expect(i.callbacks).toEqual([5]);
    expect(embedsOf(message)[0]!.title).toBe('Late answer');
  });

  it('turns a deferred reply ending in a user error into an ephemeral follow-up', async () => {
    const i = bot.fake.sendChatInput('test-slow-error');
    const message = await answerOf(bot.fake, i);
    expect(i.deleted).toBe(true);
    expect(message.kind).toBe('followup');
    expect(message.ephemeral).toBe(true);
    expect(message.pings).toEqual([]);
  });

  it('answers a crash with an ephemeral error id that is in the log', async () => {
    const i = bot.fake.sendChatInput('test-crash');
    const message = await answerOf(bot.fake, i);
    expect(message.ephemeral).toBe(true);
    const id = /error id ([0-9a-f]+)/.exec(String(message.body.content))?.[1];
    expect(id).toBeDefined();
    const logged = bot.services.log as unknown as { entries: Record<string, unknown>[] };
    expect(logged.entries.some((e) => e.errorId === id && e.level === 'error')).toBe(true);
  });

  it('answers a transport failure (Discord refusing the reply) with an ephemeral error id', async () => {
    bot.fake.failNext({
      method: 'POST',
      path: /^\/interactions\/\d+\/[^/]+\/callback$/,
      status: 400,
      body: { code: 50035, message: 'Invalid Form Body', errors: {} },
    });
    const i = bot.fake.sendChatInput('latest');
    const message = await answerOf(bot.fake, i);
    expect(message.ephemeral).toBe(true);
    const id = /error id ([0-9a-f]+)/.exec(String(message.body.content))?.[1];
    expect(bot.log.entries.some((e) => e.errorId === id && e.msg === 'answering an interaction failed')).toBe(true);
  });

  it('refuses a Manage Server command in DMs and passes canManageGuild in a guild', async () => {
    const dm = bot.fake.sendChatInput('test-configure', {}, { inGuild: false });
    const refused = await answerOf(bot.fake, dm);
    expect(refused.ephemeral).toBe(true);
    expect(String(refused.body.content)).toMatch(/only works in a server/);

    const plain = await answerOf(bot.fake, bot.fake.sendChatInput('test-configure'));
    expect(embedsOf(plain)[0]!.description).toMatch(/canManageGuild=false/);
    const admin = await answerOf(bot.fake, bot.fake.sendChatInput('test-configure', {}, { permissions: MANAGE_GUILD_PERMISSIONS }));
    expect(embedsOf(admin)[0]!.description).toMatch(/canManageGuild=true/);
  });

  it('answers /search in a DM (not a guild command)', async () => {
    const i = bot.fake.sendChatInput('search', { query: 'Raqqa' }, { inGuild: false });
    const message = await answerOf(bot.fake, i);
    expect(embedsOf(message)[0]!.title).toBe('Search: Raqqa');
  });

  it("tells commands a DM is in no server (not the operator, who sees every server's stories)", async () => {
    const dm = await answerOf(bot.fake, bot.fake.sendChatInput('test-whoami', {}, { inGuild: false }));
    expect(embedsOf(dm)[0]!.description).toBe('guild=""');
    const inGuild = await answerOf(bot.fake, bot.fake.sendChatInput('test-whoami'));
    expect(embedsOf(inGuild)[0]!.description).toBe(`guild="${bot.fake.guilds[0]!.id}"`);
  });

  it('survives a 429 on the interaction callback: waits retry_after and answers', async () => {
    const before = bot.fake.requests.length;
    bot.fake.rateLimitNext({ method: 'POST', path: /\/callback$/, retryAfter: 0.25 });
    const i = bot.fake.sendChatInput('latest');
    await answerOf(bot.fake, i);
    const statuses = bot.fake.requests
      .slice(before)
      .filter((r) => r.path.endsWith('/callback'))
      .map((r) => r.status);
    expect(statuses).toEqual([429, 204]);
  });

  it('survives a 429 on a channel post', async () => {
    const channelId = bot.fake.guilds[0]!.channelId;
    bot.fake.rateLimitNext({ method: 'POST', path: /\/channels\/\d+\/messages$/, retryAfter: 0.2 });
    const sent = await bot.transport.send(
      { channelId, guildId: bot.fake.guilds[0]!.id },
      reply({ title: 'After the limit', text: 'Posted.' }),
    );
    expect(bot.fake.messages.find((m) => m.id === sent.id)).toBeTruthy();
  });

  it('survives a dropped gateway connection: resumes and answers what arrived meanwhile', async () => {
    const resumes = bot.fake.gateway.resumes;
    bot.fake.dropGateway(4000);
    // Sent while the socket is down: replayed on RESUME.
    const i = bot.fake.sendChatInput('search', { query: 'Raqqa' });
    await bot.fake.waitFor(() => bot.fake.gateway.resumes > resumes, 5000, 'a RESUME');
    const message = await answerOf(bot.fake, i);
    expect(embedsOf(message)[0]!.title).toBe('Search: Raqqa');
    expect(bot.fake.gateway.identifies).toHaveLength(1);
  });

  it('survives an abrupt TCP drop (no close frame) the same way', async () => {
    const resumes = bot.fake.gateway.resumes;
    bot.fake.dropGateway(1006);
    await bot.fake.waitFor(() => bot.fake.gateway.resumes > resumes, 5000, 'a RESUME after a TCP drop');
    const message = await answerOf(bot.fake, bot.fake.sendChatInput('latest', { count: 1 }));
    expect(embedsOf(message)[0]!.title).toBe('Latest stories');
  });

  it('keeps heartbeating (the fake ACKs each beat)', async () => {
    const beats = bot.fake.gateway.heartbeats;
    await bot.fake.waitFor(() => bot.fake.gateway.heartbeats > beats, 3000, 'a heartbeat');
  });

  it('posts a digest-style message to a channel via send(), readable back with recentMessages()', async () => {
    const target = { channelId: bot.fake.guilds[0]!.channelId, guildId: bot.fake.guilds[0]!.id };
    const digest = reply({
      title: 'Dateline digest — 10 September 2017',
      text: '2 stories from 2 sources.',
      fields: [
        { name: 'Zanzibarite traders tell @everyone to watch the markets', value: 'Test Wire · 10 Sep 2017' },
        { name: 'Syrian army breaks IS siege', value: 'Xinhua · 9 Sep 2017' },
      ],
      footer: 'dateline-digest:sub-1:2017-09-10',
    });
    const sent = await bot.transport.send(target, digest);
    const posted = bot.fake.messages.find((m) => m.id === sent.id)!;
    expect(posted.kind).toBe('channel');
    expect(posted.channelId).toBe(target.channelId);
    expect(embedsOf(posted)[0]!.fields).toHaveLength(2);
    expect(posted.pings).toEqual([]);

    const recent = await bot.transport.recentMessages(target, 10);
    expect(recent[0]).toMatchObject({ id: sent.id, fromSelf: true });
    expect(recent[0]!.text).toContain('dateline-digest:sub-1:2017-09-10');
  });

  it('posts a real digest (src/digest build + render) to a channel, and finds it again by its marker', async () => {
    const target = { channelId: bot.fake.guilds[0]!.channelId, guildId: bot.fake.guilds[0]!.id };
    const digest = await buildDigest(
      { store: bot.services.store, geo: bot.services.geo },
      { since: new Date('2017-09-08T00:00:00Z'), at: new Date('2017-09-11T08:00:00Z'), tz: 'Europe/London' },
    );
    expect(digest.storyCount).toBe(2);
    const marker = digestMarker(7, '2017-09-11');
    const parts = renderDigest(digest, { marker });
    const ids: string[] = [];
    for (const part of parts) ids.push((await bot.transport.send(target, part)).id);
    const posted = ids.map((id) => bot.fake.messages.find((m) => m.id === id)!);
    expect(posted.every((m) => m.kind === 'channel' && m.pings.length === 0)).toBe(true);
    expect(textOf(posted[0]!)).toMatch(/Zanzibarite/);
    // After a crash the ledger looks for each part before posting it again.
    for (let i = 0; i < parts.length; i++) {
      expect(await bot.transport.findRecentMessage(target, partMarker(marker, i))).toEqual({ id: ids[i] });
    }
    expect(await bot.transport.findRecentMessage(target, partMarker(digestMarker(8, '2017-09-11'), 0))).toBeNull();
    expect(bot.fake.rejected()).toEqual([]);
  });

  it('fails send() clearly for an unknown or forbidden channel', async () => {
    await expect(bot.transport.send({ channelId: '42', guildId: null }, reply({ text: 'x' }))).rejects.toThrow(/Unknown Channel/);
    const g = bot.fake.guilds[0]!;
    bot.fake.forbidChannel(g.channelId);
    await expect(bot.transport.send({ channelId: g.channelId, guildId: g.id }, reply({ text: 'x' }))).rejects.toThrow(
      /Missing Permissions/,
    );
  });

  it('never pings: an article holding @everyone and <@123> is shown but mentions nobody', async () => {
    const found = await answerOf(bot.fake, bot.fake.sendChatInput('search', { query: 'Zanzibarite' }));
    expect(textOf(found)).toMatch(/@everyone/);
    // A user error echoing what was typed is plain content: the one place a ping could happen.
    const shown = await answerOf(bot.fake, bot.fake.sendChatInput('test-echo-error', { text: '@everyone <@123> <@&456> @here' }));
    expect(String(shown.body.content)).toMatch(/@everyone <@123>/);
    for (const message of bot.fake.messages) {
      expect(message.pings, `${message.kind} ${textOf(message).slice(0, 60)}`).toEqual([]);
      expect(message.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    }
  });

  it('escapes markdown from article text', async () => {
    const message = await answerOf(bot.fake, bot.fake.sendChatInput('latest', { count: 1 }));
    expect(embedsOf(message)[0]!.fields![0]!.name).toContain('\\*\\*markets\\*\\*');
  });

  it('does not re-register unchanged commands on restart', async () => {
    const puts = (): number => bot.fake.requests.filter((r) => r.method === 'PUT').length;
    const before = puts();
    const restarted = bot.makeTransport();
    await restarted.start(bot.handler);
    expect(restarted.registration?.registered).toBe(false);
    expect(puts()).toBe(before);
    await restarted.stop();
  });

  it('registers in the guild when a guild id is set (instant, for development), once', async () => {
    const guildId = bot.fake.guilds[0]!.id;
    const first = bot.makeTransport({ guildId });
    await first.start(bot.handler);
    expect(first.registration).toMatchObject({ registered: true, scope: `guild ${guildId}` });
    expect(
      bot.fake.commands
        .get(guildId)!
        .map((c) => c.json.name)
        .sort(),
    ).toEqual([...bot.registry.keys()].sort());
    await first.stop();
    const again = bot.makeTransport({ guildId });
    await again.start(bot.handler);
    expect(again.registration?.registered).toBe(false);
    await again.stop();
  });

  it('stop() finishes in-flight replies before closing', async () => {
    const i = bot.fake.sendChatInput('test-slow');
    await bot.fake.waitFor(() => i.callbacks.includes(5), 3000, 'the deferral');
    await bot.transport.stop();
    expect(i.original?.kind).toBe('edit-original');
  });
});

describe('sharding: two processes, each owning its guilds', () => {
  it('splits guilds between shards; each interaction is answered by the owning shard', async () => {
    const fake = await startFakeDiscord({ guildCount: 6, recommendedShards: 2 });
    const log = createMemoryLogger();
    const make = (shard: number): DiscordTransport =>
      createDiscordTransport({
        token: fake.token,
        apiUrl: fake.apiUrl,
        guildId: null,
        log,
        commandsStatePath: null,
        clientOptions: { shards: [shard], shardCount: 2 },
      });
    const shards = [make(0), make(1)];
    try {
      for (const t of shards) await t.start(bot.handler);
      expect(fake.gateway.identifies.map((i) => i.shard).sort()).toEqual([
        [0, 2],
        [1, 2],
      ]);
      // Only shard 0 registers commands.
      expect(fake.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
      for (const t of shards) expect(t.client.guilds.cache.size).toBeGreaterThan(0);
      for (const g of fake.guilds) {
        const owners = shards.filter((t) => t.ownsGuild(g.id));
        expect(owners).toHaveLength(1);
        // The owner is the process Discord sent the guild to.
        expect(owners[0]!.client.guilds.cache.has(g.id)).toBe(true);
      }
      for (let index = 0; index < fake.guilds.length; index++) {
        const message = await answerOf(fake, fake.sendChatInput('latest', { count: 1 }, { guildIndex: index }));
        expect(embedsOf(message)[0]!.title).toBe('Latest stories');
      }
      expect(fake.rejected()).toEqual([]);
    } finally {
      for (const t of shards) await t.stop();
      await fake.close();
    }
  });
});
