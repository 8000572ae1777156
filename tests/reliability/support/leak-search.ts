// Looking for credentials in text: the values themselves, their common encodings, and any long
// enough piece of them (a truncated or masked value that still gives most of it away).
const MIN_PIECE = 16;

/** Ways a value can end up in text: raw, URL-encoded, base64, base64url, hex, JSON-escaped. */
function encodingsOf(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  return [
    secret,
    encodeURIComponent(secret),
    bytes.toString('base64'),
    bytes.toString('base64').replace(/=+$/, ''),
    bytes.toString('base64url'),
    bytes.toString('hex'),
    JSON.stringify(secret).slice(1, -1),
  ];
}

/** Every piece of `text` of at least MIN_PIECE characters (all of it when shorter). */
function piecesOf(text: string): string[] {
  if (text.length <= MIN_PIECE) return [text];
  return Array.from({ length: text.length - MIN_PIECE + 1 }, (_, start) => text.slice(start, start + MIN_PIECE));
}

export interface Leak {
  secret: string;
  source: string;
  /** Where in the source the first match starts, with some context (the secret itself masked). */
  context: string;
}

/**
 * Every place where a secret (in any encoding, whole or a long piece) appears in the observed
 * texts. The reported context masks the secret, so a failing test does not print it either.
 */
export function findLeaks(secrets: Record<string, string>, observed: ReadonlyMap<string, string>): Leak[] {
  const leaks: Leak[] = [];
  for (const [name, value] of Object.entries(secrets)) {
    const needles = [...new Set(encodingsOf(value).flatMap(piecesOf))];
    for (const [source, text] of observed) {
      const needle = needles.find((candidate) => text.includes(candidate));
      if (needle === undefined) continue;
      const at = text.indexOf(needle);
      leaks.push({ secret: name, source, context: `${text.slice(Math.max(0, at - 40), at)}[${name}]${text.slice(at + needle.length, at + needle.length + 40)}` });
    }
  }
  return leaks;
}
