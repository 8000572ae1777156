import { formatDuration } from '@s3-to-hf/core';
import type { HardwareChoice } from './hardware-choices.js';
import type { SummaryWarning } from './summary-view.js';
import { suggestTimeout, type TimeoutUnit } from './timeout-input.js';

/** What the warnings above the launch button look at. */
export interface WarningInputs {
  /** The chosen flavor, with its estimate when the selection has one. */
  chosen?: HardwareChoice;
  timeoutSeconds: number | undefined;
  tokenExpiresAt?: Date;
  now: number;
}

/**
 * Warnings about the import outlasting its limits: a timeout shorter than the estimate (with a
 * fix that `applyTimeout` applies), and a sign-in that has expired or expires before the end.
 */
export function summaryWarnings(inputs: WarningInputs, applyTimeout: (value: string, unit: TimeoutUnit) => void): SummaryWarning[] {
  const warnings: SummaryWarning[] = [];
  const { chosen, timeoutSeconds: timeout, tokenExpiresAt } = inputs;
  const seconds = chosen?.estimate?.seconds;
  if (seconds !== undefined && timeout !== undefined && seconds > timeout) {
    const suggestion = suggestTimeout(seconds);
    warnings.push({
      id: 'timeout',
      message:
        `The timeout (${formatDuration(timeout)}) is shorter than the estimated duration on ${chosen?.label} (about ${formatDuration(seconds)}): ` +
        'the Hub would stop the Job before it finishes. Raise the timeout or pick faster hardware.',
      action: {
        label: `Set the timeout to ${suggestion.value} ${suggestion.unit}`,
        run: () => applyTimeout(suggestion.value, suggestion.unit),
      },
    });
  }
  if (tokenExpiresAt) {
    const remaining = (tokenExpiresAt.getTime() - inputs.now) / 1000;
    if (remaining <= 0) {
      warnings.push({ id: 'token', message: 'Your Hugging Face sign-in has expired. Sign in again before starting the import.' });
    } else if (seconds !== undefined && remaining < seconds) {
      warnings.push({
        id: 'token',
        message:
          `Your Hugging Face sign-in expires in ${formatDuration(remaining)}, before the import is estimated to finish (about ${formatDuration(seconds)}). ` +
          'The Job writes with this token, so uploads would fail after that. Sign in again first, or split the import.',
      });
    }
  }
  return warnings;
}
