const numbers = new Intl.NumberFormat('en-US');

/** `1234` → `'1,234'`: the same digits whatever the visitor's locale, like the rest of the copy. */
export function formatCount(count: number): string {
  return numbers.format(count);
}

/** `countOf(1, 'file')` → `'1 file'`, `countOf(2000, 'file')` → `'2,000 files'`. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}

/**
 * A name as it can be seen: control characters (tabs, line breaks, …) become their visible
 * symbols (␉, ␊), so hostile keys stay on one line and differences stay visible.
 */
export function visibleName(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f]/g, (char) => String.fromCharCode(char === '\u007f' ? 0x2421 : 0x2400 + char.charCodeAt(0)));
}
