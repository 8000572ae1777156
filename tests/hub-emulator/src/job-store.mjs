// All Jobs by id, with the list filters of GET /api/jobs/:ns (?label=k=v repeatable, ?stage=).
import { randomBytes } from 'node:crypto';
import { Job } from './job.mjs';

/**
 * Parses `label` query values: 'k=v' requires that value, 'k' only requires the key.
 * @param {string[]} values
 */
function parseLabelFilters(values) {
  return values.map((value) => {
    const separator = value.indexOf('=');
    return separator === -1 ? { key: value } : { key: value.slice(0, separator), value: value.slice(separator + 1) };
  });
}

/** Creates an empty Job store. */
export function createJobStore() {
  /** @type {Map<string, Job>} */
  const jobs = new Map();
  return {
    /**
     * @param {{ spec: import('./job-spec.mjs').JobSpec, owner: { id: string, name: string, type: string },
     *   initiator: { id: string, name: string } }} options
     */
    create(options) {
      const job = new Job({ id: randomBytes(12).toString('hex'), ...options });
      jobs.set(job.id, job);
      return job;
    },
    /** @param {string} id */
    get(id) {
      return jobs.get(id);
    },
    all() {
      return [...jobs.values()];
    },
    /**
     * Jobs of a namespace, newest first.
     * @param {string} namespace
     * @param {{ labels: string[], stage?: string | null }} filters
     */
    list(namespace, { labels, stage }) {
      const wanted = parseLabelFilters(labels);
      return [...jobs.values()]
        .filter((job) => job.owner.name === namespace)
        .filter((job) => !stage || job.stage === stage)
        .filter((job) => wanted.every(({ key, value }) => {
          const actual = job.spec.labels?.[key];
          return actual !== undefined && (value === undefined || actual === value);
        }))
        .reverse();
    },
    clear() {
      jobs.clear();
    },
  };
}
