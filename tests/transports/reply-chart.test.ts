import { describe, expect, it } from 'vitest';
import { reply } from '../../src/core/reply.js';
import { renderReply } from '../../src/transports/discord/render-embed.js';
import { renderReplyText, replyToJson } from '../../src/transports/shell/render-text.js';
import { validateMessage, type UploadedFile } from '../e2e/fake-discord/validate.js';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

/** A reply with a map and the small chart of /where (issue 19). */
const withChart = reply({
  title: 'Where: Raqqa',
  text: 'Raqqa: city in Syria.',
  fields: Array.from({ length: 30 }, (_, i) => ({ name: `Field ${i}`, value: 'value' })),
  image: { name: 'raqqa.png', png: PNG, description: 'Locator map of Raqqa' },
  chart: { name: 'raqqa-trend.png', png: PNG, description: 'Stories per week mentioning Raqqa', label: 'chart' },
  data: null,
});

describe('a reply with a small chart', () => {
  it('becomes a second attachment in Discord, in an embed of its own after the facts, within Discord limits', () => {
    const message = renderReply(withChart);
    expect(message.files.map((f) => f.name)).toEqual(['raqqa.png', 'raqqa-trend.png']);
    expect(message.embeds[0]!.image).toEqual({ url: 'attachment://raqqa.png' });
    expect(message.embeds.at(-1)!.image).toEqual({ url: 'attachment://raqqa-trend.png' });
    const files: UploadedFile[] = message.files.map((f, i) => ({
      field: `files[${i}]`,
      filename: f.name,
      contentType: 'image/png',
      size: f.data.length,
      bytes: f.data,
    }));
    const body = {
      embeds: message.embeds,
      allowed_mentions: { parse: [], replied_user: false },
      attachments: message.files.map((f, i) => ({ id: String(i), filename: f.name, description: f.description })),
    };
    expect(validateMessage(body, files)).toEqual([]);
  });

  it('is saved and named in the shell, and listed in ask --json', () => {
    const text = renderReplyText(withChart, '/tmp/maps/raqqa.png', '/tmp/maps/raqqa-trend.png');
    expect(text).toContain('[map saved to /tmp/maps/raqqa.png]');
    expect(text).toContain('[chart saved to /tmp/maps/raqqa-trend.png]');
    const json = replyToJson(withChart, '/tmp/maps/raqqa.png', '/tmp/maps/raqqa-trend.png');
    expect(Object.keys(json)).toEqual(['title', 'text', 'fields', 'image', 'chart', 'data']);
    expect(json.chart).toEqual({
      name: 'raqqa-trend.png',
      path: '/tmp/maps/raqqa-trend.png',
      description: 'Stories per week mentioning Raqqa',
    });
  });

  it('leaves replies without one as they were', () => {
    const plain = reply({ text: 'x', data: null });
    expect(Object.keys(replyToJson(plain))).toEqual(['title', 'text', 'fields', 'data']);
    expect(renderReply(plain).files).toEqual([]);
  });
});
