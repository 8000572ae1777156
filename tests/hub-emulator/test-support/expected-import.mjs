// What `hf buckets import` should copy, computed independently of the emulation: a separate Python
// program applying the documented rules with the real `fnmatch` module.
import { execFile } from 'node:child_process';
import { pythonEnvironment } from '../src/python-environment.mjs';

const EXPECTATION_PROGRAM = String.raw`
import fnmatch, json, sys

spec = json.load(sys.stdin)
full = (spec["bucket"] + "/" + spec["prefix"]).rstrip("/")

def decide(rel):
    for sign, pattern in spec["rules"]:
        if fnmatch.fnmatch(rel, pattern):
            return sign == "+"
    if any(fnmatch.fnmatch(rel, p) for p in spec["excludes"]):
        return False
    if any(fnmatch.fnmatch(rel, p) for p in spec["includes"]):
        return True
    return not spec["includes"]

listing_prefix = spec["prefix"].rstrip("/") + "/" if spec["prefix"].rstrip("/") else ""
chosen = []
for key in spec["keys"]:
    if not key.startswith(listing_prefix) or key.endswith("/"):
        continue
    rel = (spec["bucket"] + "/" + key)[len(full):].lstrip("/")
    if rel and decide(rel):
        chosen.append({"key": key, "rel": rel})
chosen.sort(key=lambda item: item["rel"])
json.dump(chosen, sys.stdout)
`;

/**
 * @param {{ bucket: string, prefix: string, keys: string[], includes?: string[], excludes?: string[],
 *   rules?: ['+' | '-', string][] }} spec
 * @returns {Promise<{ key: string, rel: string }[]>} sorted by `rel` (code point order, like Python)
 */
export function expectedImport({ bucket, prefix, keys, includes = [], excludes = [], rules = [] }) {
  return new Promise((resolve, reject) => {
    const child = execFile('python3', ['-c', EXPECTATION_PROGRAM], { maxBuffer: 64 * 1024 * 1024, env: pythonEnvironment() }, (error, stdout) => {
      if (error) reject(error);
      else resolve(JSON.parse(stdout));
    });
    child.stdin?.end(JSON.stringify({ bucket, prefix, keys, includes, excludes, rules }));
  });
}
