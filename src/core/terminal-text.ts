/**
 * Text from stories (titles, bodies, feed items) reaches a terminal through the shell, `dateline ask`
 * and `dateline show`. An escape sequence in a headline could recolour or clear the screen, retitle
 * the window, ring the bell or rewrite what the user sees (issue 18). Every printer of those paths
 * goes through these two functions: one sanitizer, so no path forgets a case.
 */

// ESC-introduced sequences, whole, so no "[31m" is left behind: CSI, OSC (ended by BEL or ST, or
// unterminated), DCS/SOS/PM/APC strings, and any other two-character escape. Then the same in
// their 8-bit C1 forms.
const ESCAPE_SEQUENCES = new RegExp(
  [
    '\\x1b\\[[0-?]*[ -/]*[@-~]?',
    '\\x1b\\][^\\x07\\x1b\\x9c]*(?:\\x07|\\x1b\\\\|\\x9c)?',
    '\\x1b[PX^_][^\\x1b\\x9c]*(?:\\x1b\\\\|\\x9c)?',
    '\\x1b[\\s\\S]?',
    '\\x9b[0-?]*[ -/]*[@-~]?',
    '\\x9d[^\\x07\\x1b\\x9c]*(?:\\x07|\\x1b\\\\|\\x9c)?',
    '[\\x90\\x98\\x9e\\x9f][^\\x1b\\x9c]*(?:\\x1b\\\\|\\x9c)?',
  ].join('|'),
  'g',
);
/** C0 controls but tab and line feed, DEL, and C1 controls. */
// eslint-disable-next-line no-control-regex -- stripping control characters is this sanitizer's purpose
const CONTROL_CHARS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/** Text safe to print: escape sequences removed whole, other control characters dropped; tabs and line breaks kept. */
export function sanitizeTerminalText(text: string): string {
  // eslint-disable-next-line no-control-regex -- the fast path looks for control characters
  if (!/[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(text)) return text;
  return text.replace(/\r\n/g, '\n').replace(ESCAPE_SEQUENCES, '').replace(CONTROL_CHARS, '');
}

/**
 * A JSON line safe to print with its data intact: `JSON.stringify` escapes C0 controls but leaves DEL
 * and C1 controls (U+0080-U+009F, among them the 8-bit CSI) raw; they become `\u00XX` escapes, which
 * parse back to the same string.
 */
export function escapeJsonControls(json: string): string {
  // eslint-disable-next-line no-control-regex -- escaping control characters is the point
  return json.replace(/[\x00-\x1f\x7f-\x9f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
