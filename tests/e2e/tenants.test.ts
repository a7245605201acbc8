/**
 * Servers are tenants, through the real discord.js client: the Discord transport tells commands which
 * guild a channel belongs to, so a channel id from another server is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANAGE_GUILD_PERMISSIONS } from './fake-discord/fake-discord.js';
import { answerOf, startBot, textOf, type Bot } from './bot-harness.js';

let bot: Bot;
beforeAll(async () => {
  bot = await startBot({ fake: { guildCount: 2 }, guildId: null });
}, 30_000);
afterAll(async () => {
  await bot?.close();
});

describe('two servers on one bot', () => {
  it("/digest subscribe and preview in server B refuse server A's channel", async () => {
    const [a, b] = bot.fake.guilds as [(typeof bot.fake.guilds)[0], (typeof bot.fake.guilds)[0]];
    const asA = { guildIndex: 0, permissions: MANAGE_GUILD_PERMISSIONS };
    const asB = { guildIndex: 1, permissions: MANAGE_GUILD_PERMISSIONS };
    const own = await answerOf(
      bot.fake,
      bot.fake.sendChatInput(
        'digest',
        { channel: a.channelId, time: '08:00', timezone: 'UTC', about: 'syria' },
        { ...asA, subcommand: 'subscribe' },
      ),
      8000,
    );
    expect(textOf(own)).toMatch(/gets the news every day at 08:00/);

    const takeover = await answerOf(
      bot.fake,
      bot.fake.sendChatInput('digest', { channel: a.channelId, time: '09:00', timezone: 'UTC' }, { ...asB, subcommand: 'subscribe' }),
      8000,
    );
    expect(takeover.ephemeral).toBe(true);
    expect(textOf(takeover)).toMatch(/is not a channel of this server/);
    expect(await bot.services.subscriptions.byChannel(a.channelId)).toMatchObject({ guildId: a.id, time: '08:00', about: 'syria' });

    const peek = await answerOf(
      bot.fake,
      bot.fake.sendChatInput('digest', { channel: a.channelId }, { ...asB, subcommand: 'preview' }),
      8000,
    );
    expect(textOf(peek)).toMatch(/is not a channel of this server/);
    expect(textOf(peek)).not.toMatch(/syria/);

    const mine = await answerOf(
      bot.fake,
      bot.fake.sendChatInput('digest', { channel: b.channelId, time: '07:00', timezone: 'UTC' }, { ...asB, subcommand: 'subscribe' }),
      8000,
    );
    expect(textOf(mine)).toMatch(/gets the news every day at 07:00/);
  }, 30_000);
});
