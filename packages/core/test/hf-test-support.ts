// Small pieces the HF tests share: an in-memory OAuth storage and an HfApiError assertion.
import assert from 'node:assert/strict';
import { HfApiError, type HfApiErrorKind } from '../src/hf/hf-api-error.js';
import type { OAuthStorage } from '../src/hf/oauth-storage.js';

/** A Storage-like object in memory (Node has no localStorage) that also shows what was written to it. */
export class MemoryStorage implements OAuthStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

/** Asserts that `promise` rejects with an HfApiError of `kind` whose message matches `message`. */
export async function rejectsWith(promise: Promise<unknown>, kind: HfApiErrorKind, message: RegExp): Promise<HfApiError> {
  let caught: unknown;
  await promise.catch((error: unknown) => {
    caught = error;
  });
  assert.ok(caught instanceof HfApiError, `expected an HfApiError, got ${String(caught)}`);
  assert.equal(caught.kind, kind, caught.message);
  assert.match(caught.message, message);
  return caught;
}
