// Small number helpers shared by the benchmark modules.

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** `value` with `digits` significant digits, as text (1234 → '1234', 0.01234 → '0.0123'). */
export function significant(value, digits = 3) {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const decimals = Math.max(0, digits - 1 - magnitude);
  return value.toFixed(decimals);
}

/** Milliseconds for people: '850 ms', '1.25 s'. */
export function formatMs(ms) {
  return ms >= 1000 ? `${significant(ms / 1000)} s` : `${significant(ms)} ms`;
}

/** A ratio for people: '7.4×'. */
export function formatRatio(ratio) {
  return `${significant(ratio, 2)}×`;
}

/** 1000 → '1k', 1000000 → '1M'. */
export function formatCount(count) {
  if (count >= 1e6 && count % 1e6 === 0) return `${count / 1e6}M`;
  if (count >= 1e3 && count % 1e3 === 0) return `${count / 1e3}k`;
  return count.toLocaleString('en-US');
}
