import { describe, expect, it } from 'vitest';
import { escapeJsonControls, sanitizeTerminalText } from '../../src/core/terminal-text.js';

describe('sanitizeTerminalText (issue 18)', () => {
  it.each([
    ['colour', '\x1b[31mRed\x1b[0m alert', 'Red alert'],
    ['256 colours and bold', '\x1b[1;38;5;196mLoud\x1b[m', 'Loud'],
    ['window title (OSC, BEL)', '\x1b]0;pwned\x07Headline', 'Headline'],
    ['window title (OSC, ST)', '\x1b]2;pwned\x1b\\Headline', 'Headline'],
    ['hyperlink (OSC 8)', '\x1b]8;;http://evil\x1b\\click\x1b]8;;\x1b\\', 'click'],
    ['bell', 'Ding\x07 dong', 'Ding dong'],
    ['clear screen and home', '\x1b[2J\x1b[HFresh', 'Fresh'],
    ['full reset', '\x1bcAfter reset', 'After reset'],
    ['8-bit CSI', '\u009b31mRed', 'Red'],
    ['carriage return that would overwrite the line', 'Real news\rFake news', 'Real newsFake news'],
    ['backspace, NUL and DEL', 'a\bb\0c\x7fd', 'abcd'],
    ['device control string', '\x1bPq#0;2;0;0;0\x1b\\text', 'text'],
    ['an unterminated escape at the end', 'ends with \x1b[', 'ends with '],
  ])('removes %s', (_name, input, expected) => {
    expect(sanitizeTerminalText(input)).toBe(expected);
  });

  it('keeps line breaks, tabs and every printable script', () => {
    const text = 'Deir ez-Zor — دير الزور\n\t“Quoted” 中文 ☕ Ünïcødé\r\nnext';
    expect(sanitizeTerminalText(text)).toBe('Deir ez-Zor — دير الزور\n\t“Quoted” 中文 ☕ Ünïcødé\nnext');
  });
});

describe('escapeJsonControls', () => {
  it('escapes the controls JSON.stringify leaves raw, and parses back to the same data', () => {
    const value = { title: 'A\u009b31mB\x7fC \x1b[2J' };
    const line = escapeJsonControls(JSON.stringify(value));
    // eslint-disable-next-line no-control-regex -- asserts no control character survives
    expect(line).not.toMatch(/[\x00-\x1f\x7f-\x9f]/);
    expect(JSON.parse(line)).toEqual(value);
  });
});
