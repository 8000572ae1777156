// The in-process control API (contract B `control`): inspect and steer the emulator from tests.
import { bucketNameProblem } from './bucket-store.mjs';

/**
 * Creates `control` for one emulator instance.
 * @param {import('./emulator-state.mjs').EmulatorState} state
 * @param {ReturnType<typeof import('./faults.mjs').createFaults>} faults
 * @param {ReturnType<typeof import('./request-log.mjs').createRequestLog>} requestLog
 */
export function createControl(state, faults, requestLog) {
  const { accounts, buckets, jobs, runner, spaces } = state;

  function requireJob(id) {
    const job = jobs.get(id);
    if (!job) throw new Error(`No job with id "${id}"`);
    return job;
  }

  return {
    /** Forgets buckets, Spaces, jobs (running ones are canceled), faults, import failures, invocations, the request log and OAuth tokens. */
    reset() {
      for (const job of jobs.all()) runner.cancel(job);
      jobs.clear();
      buckets.clear();
      spaces.clear();
      state.lfsUploads.clear();
      faults.clear();
      state.importFailures.length = 0;
      state.invocations.length = 0;
      requestLog.clear();
      accounts.reset();
      runner.resumeScheduling();
    },
    /** Copies of the emulated bucket contents: 'ns/name' → path → bytes. */
    buckets: () => buckets.snapshot(),
    /** Copies of the Spaces: 'ns/name' → { private, sdk, files: path → bytes } (LFS files resolved). */
    spaces: () => spaces.snapshot(),
    /** Every Job as the API shows it (ApiJob / JobInfo JSON). */
    jobs: () => jobs.all().map((job) => job.toJSON()),
    /** @param {import('./faults.mjs').FaultRule} rule */
    fault: (rule) => faults.add(rule),
    clearFaults: () => faults.clear(),
    /** Uploads by the emulated `hf` to a path matching this fnmatch glob fail (counted in `failed F`). */
    failImportOf(pathGlob) {
      if (typeof pathGlob !== 'string' || !pathGlob) throw new Error('failImportOf needs a non-empty glob');
      state.importFailures.push(pathGlob);
    },
    /**
     * Issues an OAuth token without going through /oauth/authorize.
     * @param {{ user?: string, scopes?: string[], expiresInSeconds?: number, orgs?: string[] }} [options]
     * @returns {string} the access token
     */
    issueOAuthToken: (options) => accounts.issueOAuthToken(options).value,
    /** @param {string} token */
    revokeToken: (token) => accounts.revoke(token),
    /**
     * The requests answered so far (control routes excepted), oldest first: method, raw URL,
     * route, status (null when the connection was cut), injected fault. `since` is a `seq` seen
     * before, to get only what came after it.
     * @param {number} [since]
     */
    requests: (since) => requestLog.list(since),
    /** How the emulated `hf` was invoked, oldest first. */
    invocations: () => state.invocations.map((invocation) => structuredClone(invocation)),
    /**
     * Creates a bucket directly (e.g. to test --skip-existing).
     * @param {string} id 'ns/name'
     * @param {{ files?: Record<string, string | Buffer>, private?: boolean }} [options]
     */
    createBucket(id, { files = {}, private: isPrivate = false } = {}) {
      const [namespace, name, ...rest] = id.split('/');
      const problem = rest.length || !namespace ? `Bucket id must be "namespace/name", got "${id}"` : bucketNameProblem(name);
      if (problem) throw new Error(problem);
      const bucket = buckets.get(id) ?? buckets.create({ namespace, name, private: isPrivate });
      for (const [path, content] of Object.entries(files)) buckets.putFile(bucket, path, Buffer.from(content));
    },
    /** Marks a Job DELETED (stopping it first if it still runs), like deleting it on the Hub. */
    deleteJob: (id) => runner.delete(requireJob(id)),
    /** Keeps new Jobs in SCHEDULING until resumeScheduling(). */
    pauseScheduling: () => runner.pauseScheduling(),
    resumeScheduling: () => runner.resumeScheduling(),
    /**
     * Resolves with the Job's JSON once it is terminal and its log output is complete.
     * @param {string} id
     */
    waitForJob(id) {
      const job = requireJob(id);
      return new Promise((resolve) => {
        const check = () => {
          if (!job.isTerminal || !job.logsClosed) return;
          job.off('stage', check);
          job.off('logs-closed', check);
          resolve(job.toJSON());
        };
        job.on('stage', check);
        job.on('logs-closed', check);
        check();
      });
    },
    /** The captured log lines of a Job (without the synthetic "Job started" line). */
    jobLogs: (id) => requireJob(id).logs.map((entry) => entry.data),
  };
}
