/** The characters Python's `str.isspace()` accepts, which `str.strip()` removes. */
const PYTHON_WHITESPACE = /^[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/;

/** Whether a single character is whitespace for Python (`str.isspace()`). */
export function isPythonWhitespace(char: string): boolean {
  return PYTHON_WHITESPACE.test(char);
}

/** Python's `str.strip()` without arguments (its whitespace set differs from `String.prototype.trim`). */
export function stripPythonWhitespace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isPythonWhitespace(text[start])) start++;
  while (end > start && isPythonWhitespace(text[end - 1])) end--;
  return text.slice(start, end);
}
