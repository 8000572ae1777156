/**
 * A duration for people, at most two units: `45 s`, `3 min 20 s`, `2 h 5 min`, `3 d 4 h`.
 * Rounds to whole seconds; sub-second durations read `< 1 s`.
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError(`formatDuration needs seconds ≥ 0, got ${seconds}`);
  if (seconds > 0 && seconds < 0.5) return '< 1 s';
  const total = Math.round(seconds);
  const parts: Array<[number, string]> = [
    [Math.floor(total / 86_400), 'd'],
    [Math.floor((total % 86_400) / 3_600), 'h'],
    [Math.floor((total % 3_600) / 60), 'min'],
    [total % 60, 's'],
  ];
  const first = parts.findIndex(([value]) => value > 0);
  if (first === -1) return '0 s';
  return parts
    .slice(first, first + 2)
    .filter(([value]) => value > 0)
    .map(([value, unit]) => `${value} ${unit}`)
    .join(' ');
}
