import { describe, expect, it } from 'vitest';
import { parseFeedDate } from '../../src/feeds/feed-date.js';

const now = new Date('2026-02-12T00:00:00Z');

describe('parseFeedDate', () => {
  it.each([
    ['Tue, 10 Feb 2026 08:15:00 +0000', '2026-02-10T08:15:00+00:00'],
    ['Tue, 10 Feb 2026 08:15:00 GMT', '2026-02-10T08:15:00Z'],
    ['Mon, 09 Feb 2026 17:40:12 EST', '2026-02-09T17:40:12-05:00'],
    ['Sat, 09 Sep 2017 19:03:53 +0800', '2017-09-09T19:03:53+08:00'],
    ['9 Sept 2017 19:03 PDT', '2017-09-09T19:03:00-07:00'],
    ['Sun, 8 Feb 26 11:00 GMT', '2026-02-08T11:00:00Z'],
    ['2026-02-10T10:30:00+01:00', '2026-02-10T10:30:00+01:00'],
    ['2026-02-09T08:00:00Z', '2026-02-09T08:00:00Z'],
    ['2026-02-09T08:00:00.123Z', '2026-02-09T08:00:00Z'],
  ])('%s → %s', (raw, published) => {
    const result = parseFeedDate(raw, now);
    expect(result).toMatchObject({ ok: true });
    // The +00:00 form and Z both name UTC; compare instants and the written form where it is exact.
    if (result.ok) expect(Date.parse(result.published)).toBe(Date.parse(published));
  });

  it.each([
    ['Mon, 30 Feb 2026 10:00:00 +0000', /impossible date/],
    ['Tue, 10 Foo 2026 08:15:00 +0000', /unknown month/],
    ['yesterday', /unreadable date/],
    ['Tue, 10 Feb 2099 08:15:00 +0000', /in the future/],
  ])('refuses %s', (raw, reason) => {
    const result = parseFeedDate(raw, now);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
