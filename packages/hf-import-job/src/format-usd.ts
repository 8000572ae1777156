const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * An amount in US dollars for people: cents precision, and `< $0.01` for the fractions of a
 * cent that per-minute billing of short Jobs comes to.
 */
export function formatUsd(amount: number): string {
  if (amount > 0 && amount < 0.005) return '< $0.01';
  return dollars.format(amount);
}
