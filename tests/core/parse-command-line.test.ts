import { SlashCommandBuilder } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { CommandJson } from '../../src/core/command.js';
import { parseCommandLine, tokenize } from '../../src/core/parse-command-line.js';

const defs = new Map<string, CommandJson>(
  [
    new SlashCommandBuilder()
      .setName('summary')
      .setDescription('s')
      .addStringOption((o) => o.setName('article').setDescription('a'))
      .addStringOption((o) => o.setName('about').setDescription('b'))
      .addIntegerOption((o) => o.setName('length').setDescription('n').setMinValue(1).setMaxValue(10)),
    new SlashCommandBuilder()
      .setName('where')
      .setDescription('w')
      .addStringOption((o) => o.setName('place').setDescription('p').setRequired(true)),
    new SlashCommandBuilder()
      .setName('digest')
      .setDescription('d')
      .addSubcommand((s) =>
        s
          .setName('subscribe')
          .setDescription('sub')
          .addChannelOption((o) => o.setName('channel').setDescription('c').setRequired(true))
          .addStringOption((o) => o.setName('time').setDescription('t').setRequired(true))
          .addBooleanOption((o) => o.setName('quiet').setDescription('q')),
      )
      .addSubcommand((s) => s.setName('list').setDescription('l')),
  ].map((b) => [b.name, b.toJSON() as CommandJson]),
);

describe('parseCommandLine', () => {
  it.each([
    ['/where Raqqa', { name: 'where', subcommand: null, options: { place: 'Raqqa' } }],
    ['/where Deir al-Zour', { name: 'where', subcommand: null, options: { place: 'Deir al-Zour' } }],
    ['where place:Dayr az Zawr', { name: 'where', subcommand: null, options: { place: 'Dayr az Zawr' } }],
    ['/summary', { name: 'summary', subcommand: null, options: {} }],
    ['/summary about:syria army length:2', { name: 'summary', subcommand: null, options: { about: 'syria army', length: 2 } }],
    // quotes reach the command as typed (the handler takes them off a whole name: unquoteOptions)
    ['/summary length: 4 article:"Cocoa review"', { name: 'summary', subcommand: null, options: { length: 4, article: '"Cocoa review"' } }],
    ['/summary length:"4"', { name: 'summary', subcommand: null, options: { length: 4 } }],
    ['/summary oil prices', { name: 'summary', subcommand: null, options: { article: 'oil prices' } }],
    ['/where “Deir al-Zour”', { name: 'where', subcommand: null, options: { place: '“Deir al-Zour”' } }],
    ['/summary about:"oil prices" -opec', { name: 'summary', subcommand: null, options: { about: '"oil prices" -opec' } }],
    [
      '/digest subscribe channel:#news time:08:00 quiet:yes',
      { name: 'digest', subcommand: 'subscribe', options: { channel: 'news', time: '08:00', quiet: true } },
    ],
    [
      '/digest subscribe channel:<#123456789012345678> time:07:30',
      { name: 'digest', subcommand: 'subscribe', options: { channel: '123456789012345678', time: '07:30' } },
    ],
    ['/DIGEST list', { name: 'digest', subcommand: 'list', options: {} }],
    // words with a colon that are no option: a time, a URL, a capitalised word
    ['/summary about:opec 10:30 talks', { name: 'summary', subcommand: null, options: { about: 'opec 10:30 talks' } }],
    ['/summary http://example.com/a', { name: 'summary', subcommand: null, options: { article: 'http://example.com/a' } }],
    ['/summary Apple: new models', { name: 'summary', subcommand: null, options: { article: 'Apple: new models' } }],
  ])('%s', (line, expected) => {
    expect(parseCommandLine(line, defs)).toEqual(expected);
  });

  it.each([
    ['/nope', /Unknown command \/nope/],
    ['', /Type a command/],
    ['/where', /needs place:/],
    ['/summary length:eleven', /whole number/],
    ['/summary length:11', /between 1 and 10/],
    ['/digest', /needs one of: subscribe, list/],
    ['/digest subscribe time:08:00', /needs channel:/],
    ['/digest subscribe channel:x time:1 quiet:maybe', /true or false/],
    ['/digest list extra words', /does not take "extra words"/],
    ['/summary topic:oil', /\/summary has no option topic: \(its options: article:, about:, length:\)/],
    ['/where place:Raqqa kind:city', /has no option kind:/],
  ])('rejects %s with a usable message', (line, message) => {
    expect(() => parseCommandLine(line, defs)).toThrow(message);
  });
});

describe('tokenize', () => {
  it('keeps quoted phrases, straight and curly, with their quotes', () => {
    expect(tokenize('a "b c" d:“e f”')).toEqual(['a', '"b c"', 'd:“e f”']);
  });
});
