// Python's fnmatch.fnmatchcase in JavaScript (used for `failImportOf` globs, so they read exactly
// like the `--include` patterns given to `hf`): '*' any run (crossing '/'), '?' one character,
// '[...]' / '[!...]' classes with ranges, an unclosed '[' is literal, backslash is not an escape.
// The class handling follows CPython's fnmatch.translate, including how it drops reversed ranges.

const REGEX_SPECIALS = /[.*+?^${}()|[\]\\/]/g;
const CLASS_SPECIALS = /[\\\]\[^-]/g;

function escapeLiteral(text) {
  return text.replace(REGEX_SPECIALS, '\\$&');
}

/** Splits a class body into literal chunks separated by range hyphens, like CPython does. */
function rangeChunks(body) {
  const chunks = [];
  let start = 0;
  let searchFrom = body[0] === '!' ? 2 : 1;
  for (;;) {
    const hyphen = body.indexOf('-', searchFrom);
    if (hyphen < 0) break;
    chunks.push(body.slice(start, hyphen));
    start = hyphen + 1;
    searchFrom = hyphen + 3;
  }
  const last = body.slice(start);
  if (last.length) chunks.push(last);
  else chunks[chunks.length - 1] = [...chunks[chunks.length - 1], '-'];
  // Drop empty (reversed) ranges: "b-a" in "[b-ac]" leaves "[bc]"-like chunks.
  for (let index = chunks.length - 1; index > 0; index -= 1) {
    const previous = chunks[index - 1];
    const current = chunks[index];
    if (previous.length && current.length && previous[previous.length - 1].codePointAt(0) > current[0].codePointAt(0)) {
      chunks[index - 1] = [...previous.slice(0, -1), ...current.slice(1)];
      chunks.splice(index, 1);
    }
  }
  return chunks;
}

/** Translates one class body (the text between '[' and ']', as code points) to a RegExp fragment. */
function translateClass(body) {
  const escape = (chars) => chars.join('').replace(CLASS_SPECIALS, '\\$&');
  const chunks = body.includes('-') ? rangeChunks(body) : [body];
  const text = chunks.map((chunk) => chunk.join('')).join('-');
  if (!text.length) return '(?!)';
  if (text === '!') return '[\\s\\S]';
  const negated = body[0] === '!';
  const parts = chunks.map((chunk, index) => escape(index === 0 && negated ? chunk.slice(1) : chunk));
  return `[${negated ? '^' : ''}${parts.join('-')}]`;
}

/**
 * Compiles a Python fnmatch pattern to an anchored RegExp over code points.
 * @param {string} pattern
 * @returns {RegExp}
 */
export function fnmatchToRegExp(pattern) {
  const chars = [...pattern];
  let source = '';
  let index = 0;
  while (index < chars.length) {
    const char = chars[index];
    index += 1;
    if (char === '*') {
      if (!source.endsWith('[\\s\\S]*')) source += '[\\s\\S]*';
    } else if (char === '?') {
      source += '[\\s\\S]';
    } else if (char === '[') {
      let end = index;
      if (chars[end] === '!') end += 1;
      if (chars[end] === ']') end += 1;
      while (end < chars.length && chars[end] !== ']') end += 1;
      if (end >= chars.length) {
        source += '\\[';
      } else {
        source += translateClass(chars.slice(index, end));
        index = end + 1;
      }
    } else {
      source += escapeLiteral(char);
    }
  }
  return new RegExp(`^(?:${source})$`, 'u');
}

/**
 * True when `name` matches `pattern` with Python fnmatch.fnmatchcase semantics.
 * @param {string} name
 * @param {string} pattern
 */
export function fnmatch(name, pattern) {
  return fnmatchToRegExp(pattern).test(name);
}
