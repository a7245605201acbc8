import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateSummaries, greedyOracle, parseEvalArgs, type SummaryRecord } from '../../src/eval/eval-summary.js';
import { tokenizeSentences } from '../../src/eval/rouge.js';
import { makeTempDir, repoRoot } from '../helpers/paths.js';

// short hand-written stories: the reference is the first two sentences, so Lead-2 is perfect
const RECORDS: SummaryRecord[] = [
  {
    id: 'a',
    text:
      'Rebels captured the northern town of Tal Abyad on Monday. The town sits on the border with Turkey.\n\n' +
      'Residents said the fighting lasted two days. Aid groups asked for safe passage. The weather was cold.',
    summary: 'Rebels captured the northern town of Tal Abyad on Monday. The town sits on the border with Turkey.',
  },
  {
    id: 'b',
    text:
      'The central bank raised its main rate to 5 pct. Analysts had expected the move.\n\n' +
      'The currency rose 1.2 pct against the dollar. Shares fell in early trading. The bank meets again in May.',
    summary: 'The central bank raised its main rate to 5 pct. Analysts had expected the move.',
  },
];

describe('eval:summary', () => {
  const temp = makeTempDir();
  afterAll(() => temp.cleanup());

  it('runs the four systems over the same articles', () => {
    const result = evaluateSummaries(RECORDS, 2);
    expect(result.articles).toBe(2);
    expect(result.systems.lead.rouge2).toBe(1);
    expect(result.systems.oracle.rouge2).toBe(1);
    for (const s of ['dateline', 'textrank'] as const) {
      expect(result.systems[s].rouge2).toBeGreaterThan(0);
      expect(result.systems[s].rouge2).toBeLessThanOrEqual(1);
    }
    expect(result.selectMedianMs).toBeGreaterThanOrEqual(0);
  });

  it('has a greedy oracle that stops when no sentence raises ROUGE-2', () => {
    const cand = tokenizeSentences(['Troops entered the city.', 'Nothing else.', 'The siege ended.']);
    const ref = tokenizeSentences(['Troops entered the city.']);
    expect(greedyOracle(cand, ref, 3)).toEqual([0]);
  });

  it('parses --data and --sentences', () => {
    expect(parseEvalArgs(['--data', 'x.ndjson'])).toEqual({ data: 'x.ndjson', sentences: 3 });
    expect(parseEvalArgs(['--data=x.ndjson', '--sentences', '5'])).toEqual({ data: 'x.ndjson', sentences: 5 });
    expect(() => parseEvalArgs([])).toThrow(/usage/);
    expect(() => parseEvalArgs(['--data', 'x', '--sentences', '0'])).toThrow();
  });

  it('prints the file, the article count and, as its last line, the rouge2 contract', () => {
    const file = path.join(temp.dir, 'tiny.ndjson');
    fs.writeFileSync(file, RECORDS.map((r) => JSON.stringify({ ...r, title: r.id })).join('\n') + '\n');
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', path.join(repoRoot, 'src/eval/eval-summary.ts'), '--data', file, '--sentences', '2'],
      {
        cwd: repoRoot,
        encoding: 'utf8',
      },
    );
    const lines = out.trimEnd().split('\n');
    expect(out).toContain(file);
    expect(out).toMatch(/articles: 2\b/);
    expect(out).toMatch(/median [\d.]+ ms, p99 [\d.]+ ms/);
    expect(lines[lines.length - 1]).toMatch(/^rouge2 dateline=\d\.\d{3} lead=\d\.\d{3} textrank=\d\.\d{3} oracle=\d\.\d{3}$/);
    expect(lines[lines.length - 1]).toContain('lead=1.000');
    expect(lines[lines.length - 1]).toContain('oracle=1.000');
  }, 30_000);
});
