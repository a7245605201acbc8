import { describe, expect, it } from 'vitest';
import { reply, type Reply } from '../../../src/core/reply.js';
import {
  EPHEMERAL_FLAG,
  embedLength,
  escapeDiscordMarkdown,
  fitText,
  messageSearchText,
  renderChoices,
  renderReply,
  toMessagePayload,
  type RenderedMessage,
} from '../../../src/transports/discord/render-embed.js';
import { DISCORD_LIMITS } from '../../../src/transports/discord/limits.js';
import { computePings, validateMessage, type UploadedFile } from '../../e2e/fake-discord/validate.js';

/** The body discord.js would send for a rendered message, checked by the fake Discord's validator. */
function discordErrors(message: RenderedMessage): unknown[] {
  const files: UploadedFile[] = message.files.map((f, i) => ({
    field: `files[${i}]`,
    filename: f.name,
    contentType: 'image/png',
    size: f.data.length,
    bytes: f.data,
  }));
  const body = {
    ...(message.content !== undefined ? { content: message.content } : {}),
    embeds: message.embeds,
    allowed_mentions: { parse: [], replied_user: false },
    attachments: message.files.map((f, i) => ({ id: String(i), filename: f.name, description: f.description })),
  };
  return validateMessage(body, files);
}

const sentence = (i: number): string => `Sentence number ${i} tells the story of the day in plain words.`;
const longText = (chars: number): string => {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    parts.push(sentence(i));
    length += sentence(i).length + 1;
  }
  return parts.join(' ');
};

describe('fitText', () => {
  const cases: { name: string; text: string; max: number; expected: string }[] = [
    { name: 'fits unchanged', text: 'Short. Text.', max: 20, expected: 'Short. Text.' },
    {
      name: 'cuts at the last sentence',
      text: 'One two three. Four five six. Seven eight nine.',
      max: 33,
      expected: 'One two three. Four five six. …',
    },
    {
      name: 'falls back to a word when no sentence ends late enough',
      text: 'Word word word word word word word word',
      max: 20,
      expected: 'Word word word …',
    },
    { name: 'hard cut for one long token', text: 'x'.repeat(50), max: 10, expected: 'xxxxxxxx …' },
    {
      name: 'closing quote stays with its sentence',
      text: '"We won." Then the rest of the day went on and on.',
      max: 20,
      expected: '"We won." …',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const out = fitText(c.text, c.max);
      expect(out).toBe(c.expected);
      expect(out.length).toBeLessThanOrEqual(c.max);
    });
  }

  it('never leaves a dangling escape or half a surrogate pair', () => {
    expect(fitText('abcdefgh\\* tail tail tail', 11).endsWith('\\ …')).toBe(false);
    const emoji = '😀'.repeat(20);
    const out = fitText(emoji, 9);
    expect(out.length).toBeLessThanOrEqual(9);
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(out)).toBe(false);
  });
});

describe('escapeDiscordMarkdown', () => {
  it.each([
    ['*bold* _it_', '\\*bold\\* \\_it\\_'],
    ['# Not a heading', '\\# Not a heading'],
    ['> not a quote', '\\> not a quote'],
    ['[masked](https://evil.example)', '\\[masked](https://evil.example)'],
    ['||spoiler||', '\\|\\|spoiler\\|\\|'],
  ])('%s', (input, expected) => {
    expect(escapeDiscordMarkdown(input)).toBe(expected);
  });
});

describe('renderReply', () => {
  const table: { name: string; reply: Reply; check?: (m: RenderedMessage) => void }[] = [
    { name: 'plain reply', reply: reply({ title: 'Raqqa', text: 'Short text.' }) },
    {
      name: 'description over 4,096 is cut at a sentence',
      reply: reply({ title: 'Long', text: longText(10_000) }),
      check: (m) => {
        const d = m.embeds[0]!.description!;
        expect(d.length).toBeLessThanOrEqual(DISCORD_LIMITS.description);
        expect(d.endsWith('. …')).toBe(true);
      },
    },
    {
      name: 'title over 256',
      reply: reply({ title: 'T'.repeat(400), text: 'x' }),
      check: (m) => expect(m.embeds[0]!.title!.length).toBeLessThanOrEqual(256),
    },
    {
      name: '40 fields spill into a second embed',
      reply: reply({ text: 'x', fields: Array.from({ length: 40 }, (_, i) => ({ name: `F${i}`, value: `v${i}` })) }),
      check: (m) => {
        expect(m.embeds).toHaveLength(2);
        expect(m.embeds[0]!.fields).toHaveLength(25);
        expect(m.embeds[1]!.fields).toHaveLength(15);
      },
    },
    {
      name: 'huge fields and text stay under 6,000 in total, dropped fields are counted',
      reply: reply({
        title: 'Digest',
        text: longText(5000),
        footer: 'Dateline digest',
        fields: Array.from({ length: 30 }, (_, i) => ({ name: `Story ${i} `.repeat(40), value: longText(2000) })),
      }),
      check: (m) => {
        const total = m.embeds.reduce((s, e) => s + embedLength(e), 0);
        expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
        expect(m.embeds.at(-1)!.footer!.text).toMatch(/more not shown/);
        expect(m.embeds[0]!.description!.length).toBeGreaterThan(500);
      },
    },
    { name: 'empty field name and value', reply: reply({ text: 'x', fields: [{ name: '', value: '' }] }) },
    { name: 'footer over 2,048', reply: reply({ text: 'x', footer: longText(3000) }) },
    {
      name: 'image becomes an attachment the embed refers to',
      reply: reply({
        title: 'Raqqa',
        text: 'Map.',
        image: { name: 'raqqa map.png', png: new Uint8Array([137, 80, 78, 71]), description: 'Locator map' },
      }),
      check: (m) => {
        expect(m.files).toHaveLength(1);
        expect(m.files[0]!.name).toBe('raqqa_map.png');
        expect(m.embeds[0]!.image!.url).toBe('attachment://raqqa_map.png');
      },
    },
    {
      name: 'short error becomes ephemeral content',
      reply: reply({ text: 'Something went wrong (error id abcd1234).', isError: true, ephemeral: true }),
      check: (m) => {
        expect(m.content).toContain('abcd1234');
        expect(m.embeds).toHaveLength(0);
        expect(m.ephemeral).toBe(true);
      },
    },
    {
      name: 'error content over 2,000',
      reply: reply({ text: longText(3000), isError: true }),
      check: (m) => expect(m.content!.length).toBeLessThanOrEqual(2000),
    },
    { name: 'empty reply still sends something', reply: reply({ text: '' }) },
    {
      name: 'non-http url is dropped',
      reply: reply({ title: 'T', text: 'x', url: 'javascript:alert(1)' }),
      check: (m) => expect(m.embeds[0]!.url).toBeUndefined(),
    },
    { name: 'markdown-heavy text near the limit stays under after escaping', reply: reply({ text: '*_'.repeat(3000) }) },
  ];

  for (const c of table) {
    it(c.name, () => {
      const message = renderReply(c.reply);
      expect(discordErrors(message)).toEqual([]);
      expect(message.allowedMentions).toEqual({ parse: [], repliedUser: false });
      c.check?.(message);
    });
  }

  it('escapes markdown in article text, and mentions in content ping nobody', () => {
    const message = renderReply(
      reply({ title: '*Breaking*', text: '@everyone look: <@123> said **this**', fields: [{ name: 'Quote', value: '_hi_' }] }),
    );
    expect(message.embeds[0]!.title).toBe('\\*Breaking\\*');
    expect(message.embeds[0]!.description).toContain('\\*\\*this\\*\\*');
    expect(message.embeds[0]!.fields![0]!.value).toBe('\\_hi\\_');
    const errorMessage = renderReply(reply({ text: 'No article matches "@everyone <@123>"', isError: true }));
    expect(computePings({ content: errorMessage.content, allowed_mentions: { parse: [] } })).toEqual([]);
    // The same content without allowed_mentions would have pinged: the check is meaningful.
    expect(computePings({ content: errorMessage.content })).toEqual(['@everyone', 'user:123']);
  });
});

describe('toMessagePayload (the REST / interaction JSON of a rendered reply)', () => {
  it('carries embeds, no mentions, attachments by index and the ephemeral flag', () => {
    const png = new Uint8Array([137, 80, 78, 71]);
    const rendered = renderReply(
      reply({ title: 'Raqqa', text: '@everyone look', image: { name: 'raqqa map.png', png, description: 'Locator map' }, ephemeral: true }),
    );
    const payload = toMessagePayload(rendered);
    expect(payload.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(payload.body.embeds).toBe(rendered.embeds);
    expect(payload.body.attachments).toEqual([{ id: 0, filename: 'raqqa_map.png', description: 'Locator map' }]);
    expect(payload.body.flags).toBe(EPHEMERAL_FLAG);
    expect(payload.files.map((f) => f.name)).toEqual(['raqqa_map.png']);
    // An edit cannot change ephemerality: no flags.
    expect(toMessagePayload(rendered, { withFlags: false }).body.flags).toBeUndefined();
  });

  it('keeps a short error as plain content and sends no attachments list without files', () => {
    const payload = toMessagePayload(renderReply(reply({ text: 'No story matches "xyz".', isError: true, ephemeral: true })));
    expect(payload.body).toEqual({
      content: 'No story matches "xyz".',
      embeds: [],
      allowed_mentions: { parse: [], replied_user: false },
      flags: 64,
    });
  });
});

describe('renderChoices', () => {
  it('keeps at most 25 non-empty choices, names and values cut to 100', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ name: i === 0 ? '' : 'n'.repeat(150), value: 'v'.repeat(120) }));
    const out = renderChoices(many);
    expect(out).toHaveLength(25);
    expect(out.every((c) => c.name.length === 100 && c.value.length === 100)).toBe(true);
  });
});

describe('messageSearchText', () => {
  it('joins content and embed texts with the markdown escapes removed', () => {
    const text = messageSearchText('hi', [
      {
        title: escapeDiscordMarkdown('Digest *today*'),
        description: null,
        fields: [{ name: 'a_b', value: 'c' }],
        footer: { text: 'digest:1/2' },
      },
    ]);
    expect(text).toBe('hi\nDigest *today*\na_b\nc\ndigest:1/2');
  });
});
