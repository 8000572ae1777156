/** The units the timeout can be typed in. */
export type TimeoutUnit = 'minutes' | 'hours';

export const TIMEOUT_UNIT_SECONDS: Readonly<Record<TimeoutUnit, number>> = Object.freeze({ minutes: 60, hours: 3600 });

/** The timeout typed by the user in whole seconds, or undefined when it is not a positive number. */
export function timeoutSeconds(value: string, unit: TimeoutUnit): number | undefined {
  const text = value.trim().replace(',', '.');
  const amount = text === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(amount) || amount <= 0) return undefined;
  return Math.max(1, Math.round(amount * TIMEOUT_UNIT_SECONDS[unit]));
}

/**
 * A timeout comfortably above an estimated duration (half as long again), rounded up to 5 minutes
 * below two hours and to whole hours above, so a slow start does not kill the import.
 */
export function suggestTimeout(estimatedSeconds: number): { value: string; unit: TimeoutUnit; seconds: number } {
  const padded = estimatedSeconds * 1.5;
  if (padded <= 2 * 3600) {
    const minutes = Math.max(5, Math.ceil(padded / 300) * 5);
    return { value: String(minutes), unit: 'minutes', seconds: minutes * 60 };
  }
  const hours = Math.ceil(padded / 3600);
  return { value: String(hours), unit: 'hours', seconds: hours * 3600 };
}
