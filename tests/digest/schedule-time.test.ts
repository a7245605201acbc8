import { describe, expect, it } from 'vitest';
import { addDays, latestOccurrence, nextOccurrence, parseDigestTime, scheduledInstant } from '../../src/digest/schedule-time.js';

describe('parseDigestTime', () => {
  it.each([
    ['08:00', { hour: 8, minute: 0 }],
    ['8:05', { hour: 8, minute: 5 }],
    ['23:59', { hour: 23, minute: 59 }],
    ['24:00', null],
    ['8am', null],
    ['08:60', null],
    ['0800', null],
  ])('%s', (text, expected) => {
    expect(parseDigestTime(text)).toEqual(expected);
  });
});

describe('scheduledInstant (RFC 5545: first of a repeated time, pre-gap offset for a skipped one)', () => {
  it.each([
    ['2024-01-15', '08:00', 'Europe/London', '2024-01-15T08:00:00.000Z'],
    ['2024-07-15', '08:00', 'Europe/London', '2024-07-15T07:00:00.000Z'],
    ['2024-03-31', '01:30', 'Europe/London', '2024-03-31T01:30:00.000Z'], // skipped: 02:30 BST
    ['2024-10-27', '01:30', 'Europe/London', '2024-10-27T00:30:00.000Z'], // repeated: the BST one
    ['2024-03-10', '02:30', 'America/New_York', '2024-03-10T07:30:00.000Z'], // skipped: 03:30 EDT
    ['2024-11-03', '01:30', 'America/New_York', '2024-11-03T05:30:00.000Z'], // repeated: the EDT one
    ['2024-03-10', '00:00', 'Asia/Kolkata', '2024-03-09T18:30:00.000Z'],
    ['2024-04-07', '02:30', 'Australia/Sydney', '2024-04-06T15:30:00.000Z'],
    ['2024-10-06', '02:30', 'Australia/Sydney', '2024-10-05T16:30:00.000Z'], // skipped: 03:30 AEDT
  ])('%s %s %s', (day, time, zone, expected) => {
    expect(scheduledInstant(day, parseDigestTime(time)!, zone).toISOString()).toBe(expected);
  });
});

describe('occurrences', () => {
  const eight = { hour: 8, minute: 0 };
  it('latest is today once the time has come, else yesterday', () => {
    expect(latestOccurrence(new Date('2024-01-15T08:00:00Z'), eight, 'Europe/London').localDate).toBe('2024-01-15');
    expect(latestOccurrence(new Date('2024-01-15T07:59:00Z'), eight, 'Europe/London').localDate).toBe('2024-01-14');
    // 23:30 UTC on the 15th is already the 16th in Tokyo, and 08:30 there.
    expect(latestOccurrence(new Date('2024-01-15T23:30:00Z'), eight, 'Asia/Tokyo').localDate).toBe('2024-01-16');
  });
  it('next is strictly after now', () => {
    expect(nextOccurrence(new Date('2024-01-15T08:00:00Z'), eight, 'Europe/London').at.toISOString()).toBe('2024-01-16T08:00:00.000Z');
  });
  it('adds calendar days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});
