import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatelineStore } from '../../src/app.js';
import { parseLocalDateTime } from '../../src/cli/digest-command.js';
import { createTestServices, type TestServices } from '../helpers/test-services.js';
import { makeTempDir, writeCorpusSlice } from '../helpers/paths.js';
import { runCliCaptured } from '../helpers/run-cli.js';

let services: TestServices;
const temp = makeTempDir();

beforeAll(async () => {
  // 1987-03-02 starts at line 250 of the shared corpus: 250 stories of that morning and afternoon.
  services = await createTestServices({ files: [writeCorpusSlice(temp.dir, 250, 249)] });
  await services.app.close();
}, 120_000);
afterAll(async () => {
  temp.cleanup();
  await services?.close();
});

/** The digest CLI through the same in-process runner as the other CLI tests. */
const run = (args: string[]) => runCliCaptured(args);

describe('dateline digest', () => {
  it('parses local date-times strictly', () => {
    expect(parseLocalDateTime('1987-03-02T08:00')).toEqual({ year: 1987, month: 3, day: 2, hour: 8, minute: 0, second: 0 });
    expect(parseLocalDateTime('1987-02-30T08:00')).toBeNull();
    expect(parseLocalDateTime('yesterday')).toBeNull();
  });

  it('--json prints {at, tz, since, groups} for the moment, from the store', async () => {
    const r = await run(['digest', '--at', '1987-03-02T20:00', '--tz', 'Europe/London', '--json', '--db', services.dbPath]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as {
      at: string;
      tz: string;
      since: string;
      groups: {
        title: string;
        stories: { articleId: string; title: string; date: string; source: string; summary: string; places: string[] }[];
      }[];
    };
    expect(Object.keys(json)).toEqual(['at', 'tz', 'since', 'groups']);
    expect(json).toMatchObject({ at: '1987-03-02T20:00:00Z', tz: 'Europe/London', since: '1987-03-01T20:00:00Z' });
    expect(json.groups.length).toBeGreaterThan(3);
    for (const group of json.groups) {
      expect(group.title).toBe(group.stories[0]!.title);
      for (const s of group.stories) {
        expect(Object.keys(s)).toEqual(['articleId', 'title', 'date', 'source', 'summary', 'places']);
        expect(Date.parse(s.date)).toBeGreaterThanOrEqual(Date.parse('1987-03-01T20:00:00Z'));
        expect(Date.parse(s.date)).toBeLessThan(Date.parse('1987-03-02T20:00:00Z'));
        expect(s.summary.length).toBeGreaterThan(10);
      }
    }
    // Grouping: the corpus has several stories on the same events that day.
    expect(json.groups.some((g) => g.stories.length > 1)).toBe(true);
  }, 60_000);

  it('--json --all gives every group and every story of the window, each with its url', async () => {
    const all = await run(['digest', '--at', '1987-03-02T20:00', '--tz', 'Europe/London', '--json', '--all', '--db', services.dbPath]);
    expect(all.code).toBe(0);
    const json = JSON.parse(all.stdout.trim().split('\n').at(-1)!) as {
      groups: { title: string; storyCount: number; sourceCount: number; stories: { articleId: string; url: string | null }[] }[];
    };
    const ids = json.groups.flatMap((g) => g.stories.map((s) => s.articleId));
    const store = await openDatelineStore(services.dbPath);
    const window = await store.stories.publishedBetween(new Date('1987-03-01T20:00:00Z'), new Date('1987-03-02T20:00:00Z'), 10_000);
    await store.close();
    expect(window.length).toBeGreaterThan(10);
    expect(new Set(ids)).toEqual(new Set(window.map((s) => s.id)));
    expect(ids).toHaveLength(window.length);
    expect(json.groups.length).toBeGreaterThan(10);
    for (const group of json.groups) {
      expect(Object.keys(group)).toEqual(['title', 'storyCount', 'sourceCount', 'stories']);
      expect(group.storyCount).toBe(group.stories.length);
      expect(group.sourceCount).toBe(1);
      for (const s of group.stories) {
        expect(Object.keys(s)).toEqual(['articleId', 'title', 'date', 'source', 'summary', 'places', 'url']);
        expect(s.url).toBeNull();
      }
    }
  }, 60_000);

  it('prints the text digest and filters by --about', async () => {
    const r = await run(['digest', '--at', '1987-03-02T20:00', '--tz', 'UTC', '--about', 'coffee', '--db', services.dbPath]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Daily digest');
    expect(r.stdout).toContain('about coffee');
    expect(r.stdout.toLowerCase()).toContain('coffee');
  }, 60_000);

  it('names the expected form for a bad --at or --tz', async () => {
    const badAt = await run(['digest', '--at', '2 March', '--db', services.dbPath]);
    expect(badAt.code).toBe(1);
    expect(badAt.stderr).toContain('YYYY-MM-DDTHH:MM');
    const badTz = await run(['digest', '--at', '1987-03-02T08:00', '--tz', 'Mars/Base', '--db', services.dbPath]);
    expect(badTz.code).toBe(1);
    expect(badTz.stderr).toContain('IANA');
  }, 60_000);
});
