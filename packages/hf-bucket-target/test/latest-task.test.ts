import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LatestTask, type TaskOutcome } from '../src/latest-task.js';

/** A promise with its resolve/reject exposed, to answer a task by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('LatestTask', () => {
  it("drops an earlier task's answer that arrives after a later one, and aborts it", async () => {
    const task = new LatestTask();
    const outcomes: Array<TaskOutcome<string>> = [];
    const first = deferred<string>();
    const second = deferred<string>();
    const firstStarted = deferred<AbortSignal>();
    const secondStarted = deferred<AbortSignal>();
    task.schedule(0, (signal) => (firstStarted.resolve(signal), first.promise), (outcome) => outcomes.push(outcome));
    const firstSignal = await firstStarted.promise;
    task.schedule(0, (signal) => (secondStarted.resolve(signal), second.promise), (outcome) => outcomes.push(outcome));
    assert.equal(firstSignal.aborted, true);
    await secondStarted.promise;

    second.resolve('new');
    await second.promise;
    first.resolve('old');
    // The task's own reaction was registered before this await's, so it has run when this resumes.
    await first.promise;
    assert.deepEqual(outcomes, [{ ok: true, value: 'new' }]);
  });

  it('reports failures, and never starts a task cancelled during its delay', async () => {
    const task = new LatestTask();
    const outcomes: Array<TaskOutcome<string>> = [];
    let started = 0;
    task.schedule(
      60_000,
      async () => {
        started += 1;
        return 'never';
      },
      (outcome) => outcomes.push(outcome),
    );
    task.cancel();
    const failing = deferred<string>();
    const failingStarted = deferred<void>();
    const settled = deferred<void>();
    task.schedule(
      0,
      () => (failingStarted.resolve(), failing.promise),
      (outcome) => {
        outcomes.push(outcome);
        settled.resolve();
      },
    );
    await failingStarted.promise;
    const error = new Error('boom');
    failing.reject(error);
    await settled.promise;
    assert.equal(started, 0);
    assert.deepEqual(outcomes, [{ ok: false, error }]);
  });
});
