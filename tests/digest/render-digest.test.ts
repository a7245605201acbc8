import { describe, expect, it } from 'vitest';
import type { Digest } from '../../src/digest/build-digest.js';
import { digestMarker, partMarker, renderDigest } from '../../src/digest/render-digest.js';
import { embedLength, renderReply } from '../../src/transports/discord/render-embed.js';
import { DISCORD_LIMITS } from '../../src/transports/discord/limits.js';

function bigDigest(groups: number, perGroup: number): Digest {
  const long = 'A long sentence with *stars* and _underscores_ that Discord escapes, '.repeat(6).trim();
  return {
    at: new Date('2024-01-02T08:00:00Z'),
    since: new Date('2024-01-01T08:00:00Z'),
    tz: 'Europe/London',
    about: null,
    storyCount: groups * perGroup + 50,
    groupCount: groups + 20,
    groups: Array.from({ length: groups }, (_, g) => ({
      title: `Event ${g} `.repeat(30).trim(),
      more: 2,
      storyCount: perGroup + 2,
      sourceCount: 3,
      stories: Array.from({ length: perGroup }, (_, s) => ({
        articleId: `id-${g}-${s}`,
        title: `Headline ${g}.${s} `.repeat(12).trim(),
        date: '2024-01-01T12:00:00Z',
        source: 'Reuters (Reuters-21578, Distribution 1.0)',
        summary: long,
        places: ['Damascus', 'Syria', 'Geneva'],
        url: null,
      })),
    })),
  };
}

describe('renderDigest', () => {
  it('splits a big digest into messages that fit every Discord limit, each with its part marker', () => {
    const marker = digestMarker(7, '2024-01-02');
    const parts = renderDigest(bigDigest(10, 4), { marker, lateSince: new Date('2024-01-02T08:00:00Z') });
    expect(parts.length).toBeGreaterThan(1);
    parts.forEach((part, i) => {
      expect(part.footer).toContain(partMarker(marker, i));
      expect(part.footer).toContain(`part ${i + 1}/${parts.length}`);
      const rendered = renderReply(part);
      const total = rendered.embeds.reduce((n, e) => n + embedLength(e), 0);
      expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
      // Nothing dropped by the Discord renderer: the digest did its own splitting.
      expect(rendered.embeds.at(-1)!.footer!.text).not.toContain('more not shown');
      expect(rendered.embeds.flatMap((e) => e.fields ?? []).length).toBe(part.fields.length);
    });
    expect(parts[0]!.text).toContain('Posted late');
    expect(parts[0]!.title).toContain('2 January 2024');
  });

  it('a day without stories is a short note', () => {
    const parts = renderDigest({ ...bigDigest(0, 0), storyCount: 0, groupCount: 0 }, { marker: null });
    expect(parts).toHaveLength(1);
    expect(parts[0]!.text).toMatch(/^No new stories since/);
  });
});
