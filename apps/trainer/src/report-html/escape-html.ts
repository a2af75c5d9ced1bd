/** @module HTML escaping for every piece of report text placed in the page. */

const REPLACEMENTS: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for use in HTML element content and quoted attribute values.
 *
 * @param value - any value; non-strings are converted with `String()` first.
 * @returns the text with `& < > " '` replaced by entities.
 * @example
 * ```ts
 * escapeHtml('<b>"x"</b>'); // '&lt;b&gt;&quot;x&quot;&lt;/b&gt;'
 * ```
 */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (ch) => REPLACEMENTS[ch] ?? ch);
}
