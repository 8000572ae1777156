// The YAML front matter of a Space's README.md: read (the small YAML subset Space cards use:
// scalars and block lists) and checked against what a static Space with OAuth needs.

/** The card colours the Hub accepts. */
export const SPACE_COLORS = Object.freeze(['red', 'yellow', 'green', 'blue', 'indigo', 'purple', 'pink', 'gray']);
/** `hf_oauth_expiration_minutes` may not exceed 30 days. */
export const MAX_OAUTH_EXPIRATION_MINUTES = 43_200;
const MAX_SHORT_DESCRIPTION = 60;

function scalar(text) {
  const value = text.trim();
  if (/^"(.*)"$/.test(value)) return JSON.parse(value);
  if (/^'(.*)'$/.test(value)) return value.slice(1, -1).replaceAll("''", "'");
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^-?\d+$/.test(value)) return Number(value);
  return value;
}

/**
 * The front matter of `markdown` as an object (block between the first two `---` lines).
 * Supports `key: value`, `key:` followed by `  - item` lines, comments and blank lines.
 *
 * @throws {Error} when there is no front matter or a line is outside that subset.
 */
export function parseFrontMatter(markdown) {
  const lines = markdown.split(/\r?\n/);
  if (lines[0] !== '---') throw new Error('README.md must start with a "---" front matter block');
  const end = lines.indexOf('---', 1);
  if (end === -1) throw new Error('The README.md front matter has no closing "---" line');
  const meta = {};
  let listKey;
  lines.slice(1, end).forEach((line, index) => {
    if (!line.trim() || line.trim().startsWith('#')) return;
    const item = /^\s+-\s+(.*)$/.exec(line);
    if (item && listKey) {
      meta[listKey].push(scalar(item[1]));
      return;
    }
    const pair = /^([A-Za-z_][\w-]*):(?:\s+(.*))?$/.exec(line);
    if (!pair) throw new Error(`README.md front matter line ${index + 2} is not "key: value" or "  - item": ${line}`);
    const [, key, value] = pair;
    if (value === undefined || value.trim() === '') {
      meta[key] = [];
      listKey = key;
    } else {
      meta[key] = scalar(value);
      listKey = undefined;
    }
  });
  return meta;
}

/** What is wrong with `meta` for the importer's static Space ([] when nothing). */
export function spaceFrontMatterProblems(meta) {
  const problems = [];
  const need = (condition, message) => {
    if (!condition) problems.push(message);
  };
  need(typeof meta.title === 'string' && meta.title.length > 0, 'title: give the Space a title');
  need(typeof meta.emoji === 'string' && meta.emoji.length > 0, 'emoji: give the Space an emoji');
  need(SPACE_COLORS.includes(meta.colorFrom), `colorFrom: use one of ${SPACE_COLORS.join(', ')}`);
  need(SPACE_COLORS.includes(meta.colorTo), `colorTo: use one of ${SPACE_COLORS.join(', ')}`);
  need(meta.sdk === 'static', 'sdk: must be "static" (the importer is a static page)');
  need(meta.app_file === 'index.html', 'app_file: must be "index.html"');
  need(typeof meta.pinned === 'boolean', 'pinned: must be true or false');
  need(
    typeof meta.short_description === 'string' && meta.short_description.length > 0 && meta.short_description.length <= MAX_SHORT_DESCRIPTION,
    `short_description: 1 to ${MAX_SHORT_DESCRIPTION} characters`,
  );
  need(meta.hf_oauth === true, 'hf_oauth: must be true ("Sign in with Hugging Face")');
  need(Array.isArray(meta.hf_oauth_scopes) && meta.hf_oauth_scopes.includes('jobs'), 'hf_oauth_scopes: must list "jobs" (the import runs as a Job)');
  need(
    Array.isArray(meta.hf_oauth_scopes) && ['contribute-repos', 'write-repos', 'manage-repos'].some((scope) => meta.hf_oauth_scopes.includes(scope)),
    'hf_oauth_scopes: must list "contribute-repos" or "write-repos" (the import writes a bucket)',
  );
  const minutes = meta.hf_oauth_expiration_minutes;
  need(
    Number.isInteger(minutes) && minutes > 0 && minutes <= MAX_OAUTH_EXPIRATION_MINUTES,
    `hf_oauth_expiration_minutes: a whole number from 1 to ${MAX_OAUTH_EXPIRATION_MINUTES}`,
  );
  return problems;
}
