/**
 * What the Hub says about the account's plan and billing, as far as whoami tells it without the
 * `read-billing` scope. Every field is optional: the page shows what is there and nothing else.
 */
export interface AccountStanding {
  /** A PRO subscriber. */
  isPro?: boolean;
  /** Whether the account can be billed (a payment method or credit); Jobs are billed per minute. */
  canPay?: boolean;
  /** End of the current subscription period. */
  periodEnd?: Date;
}

type Loose = Record<string, unknown>;

function dateOf(value: unknown): Date | undefined {
  // The Hub gives an ISO string; a number would be seconds since the epoch.
  const date = typeof value === 'string' && value ? new Date(value) : typeof value === 'number' ? new Date(value * 1000) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

/**
 * Reads the plan fields of a whoami-v2 (or OpenID userinfo) answer; undefined when it has none.
 *
 * @example
 * accountStandingOf({ isPro: true, canPay: true, periodEnd: null }) // { isPro: true, canPay: true }
 */
export function accountStandingOf(answer: unknown): AccountStanding | undefined {
  if (typeof answer !== 'object' || answer === null) return undefined;
  const { isPro, canPay, periodEnd } = answer as Loose;
  const standing: AccountStanding = {
    ...(typeof isPro === 'boolean' ? { isPro } : {}),
    ...(typeof canPay === 'boolean' ? { canPay } : {}),
    ...(dateOf(periodEnd) ? { periodEnd: dateOf(periodEnd) } : {}),
  };
  return Object.keys(standing).length > 0 ? standing : undefined;
}
