#!/usr/bin/env node
// `npm run deploy -- <namespace/space-name> [--public] [--hub-url=URL] [--skip-build] [--dist=DIR]`
// Builds the demo, creates the static Space when it does not exist (private unless --public),
// uploads demo/dist and demo/README.md (the Space card) in one commit that also removes files of
// earlier deploys, and prints the Space's address and what to configure. The token comes from
// HF_TOKEN and is never printed.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { commit, createRepo, HubApiError, listFiles, repoExists, spaceInfo, whoAmI } from '@huggingface/hub';
import { buildDemo } from './build-demo.mjs';
import { parseFrontMatter, spaceFrontMatterProblems } from './space-front-matter.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_HUB_URL = 'https://huggingface.co';
const USAGE = 'Usage: npm run deploy -- <namespace/space-name> [--public] [--hub-url=URL] [--skip-build] [--dist=DIR]';
// The Hub's repo-name rule: 1-96 of [A-Za-z0-9._-], no "--" or "..", no leading/trailing "." or "-".
const NAME = /^(?![-.])(?!.*(?:--|\.\.))[A-Za-z0-9._-]{1,96}(?<![-.])$/;
// Kept on the Space whatever the build contains: the Hub's own LFS settings.
const KEEP = new Set(['.gitattributes']);

class UsageError extends Error {}

function parseArguments(argv) {
  const positional = argv.filter((arg) => !arg.startsWith('--'));
  const options = argv.filter((arg) => arg.startsWith('--'));
  const value = (name) => options.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const unknown = options.filter((arg) => !['--public', '--skip-build', '--help'].includes(arg) && !/^--(hub-url|dist)=/.test(arg));
  if (options.includes('--help')) return { help: true };
  if (unknown.length > 0) throw new UsageError(`unknown option(s): ${unknown.join(' ')}`);
  if (positional.length !== 1) throw new UsageError('give exactly one Space, as namespace/space-name');
  const [namespace, name, ...rest] = positional[0].split('/');
  if (rest.length > 0 || !namespace || !name || !NAME.test(namespace) || !NAME.test(name)) {
    throw new UsageError(`"${positional[0]}" is not a Space id: use namespace/space-name with letters, digits, ".", "_" and "-"`);
  }
  const hubUrl = (value('hub-url') ?? process.env.HF_ENDPOINT ?? DEFAULT_HUB_URL).replace(/\/+$/, '');
  try {
    new URL(hubUrl);
  } catch {
    throw new UsageError(`--hub-url must be a URL, got "${hubUrl}"`);
  }
  return {
    spaceId: `${namespace}/${name}`,
    namespace,
    name,
    isPublic: options.includes('--public'),
    skipBuild: options.includes('--skip-build'),
    dist: path.resolve(value('dist') ?? path.join(repo, 'demo', 'dist')),
    hubUrl,
  };
}

async function* walk(directory, prefix = '') {
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) yield* walk(path.join(directory, entry.name), relative);
    else if (entry.isFile()) yield relative;
  }
}

/** The files to upload: the built page plus README.md, path → bytes. */
async function collectFiles(dist) {
  const files = new Map();
  try {
    for await (const relative of walk(dist)) files.set(relative, await readFile(path.join(dist, relative)));
  } catch (error) {
    if (error.code === 'ENOENT') throw new UsageError(`${dist} does not exist: build the demo first (drop --skip-build)`);
    throw error;
  }
  if (!files.has('index.html')) throw new UsageError(`${dist} has no index.html: build the demo first (drop --skip-build)`);
  const readme = await readFile(path.join(repo, 'demo', 'README.md'), 'utf8');
  const problems = spaceFrontMatterProblems(parseFrontMatter(readme));
  if (problems.length > 0) throw new Error(`demo/README.md front matter is not a valid importer Space card:\n  - ${problems.join('\n  - ')}`);
  files.set('README.md', Buffer.from(readme));
  return files;
}

/** The address where a static Space's page is served on huggingface.co. */
function appUrl(hubUrl, namespace, name) {
  if (hubUrl !== DEFAULT_HUB_URL) return undefined;
  return `https://${`${namespace}-${name}`.toLowerCase().replace(/[._]/g, '-')}.static.hf.space`;
}

/** What a failed Hub call means for someone deploying. */
function explain(error, { spaceId, namespace }) {
  if (!(error instanceof HubApiError)) return error instanceof Error ? error.message : String(error);
  // hub.js appends ". URL: … . Request ID: …" to the server's message.
  const detail = error.message.replace(/\.?\s+URL: [\s\S]*$/, '');
  if (error.statusCode === 401) return `The Hub did not accept HF_TOKEN (HTTP 401: ${detail}). Check that it is a valid, unexpired token.`;
  if (error.statusCode === 403) {
    return `HF_TOKEN may not create or write ${spaceId} (HTTP 403: ${detail}). Use a "write" token, or a fine-grained token with write access to ${namespace}'s repositories.`;
  }
  return `The Hub refused (HTTP ${error.statusCode}: ${detail}).`;
}

async function deploy(settings, log) {
  const { spaceId, namespace, name, hubUrl } = settings;
  const accessToken = process.env.HF_TOKEN;
  if (!accessToken) {
    throw new UsageError(`set HF_TOKEN to a Hugging Face token that may write to ${namespace} (a "write" token from ${hubUrl}/settings/tokens)`);
  }
  const call = { accessToken, hubUrl };
  log(`Deploying the importer to ${spaceId} on ${hubUrl}`);
  const me = await whoAmI(call);
  log(`  Signed in as ${me.name}`);

  if (!settings.skipBuild) {
    const startedAt = performance.now();
    const built = await buildDemo({ outDir: settings.dist, log: (message) => log(`  ${message}`) });
    log(`  Built the demo (${built.length} files) in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
  }
  const files = await collectFiles(settings.dist);

  const space = { type: 'space', name: spaceId };
  let isPrivate;
  if (await repoExists({ repo: space, ...call })) {
    const info = await spaceInfo({ name: spaceId, ...call });
    if (info.sdk !== 'static') {
      throw new Error(`${spaceId} is a ${info.sdk ?? 'non-static'} Space: deploying the static importer would replace its app. Pick another name.`);
    }
    isPrivate = info.private;
    log(`  Space ${spaceId} exists (${isPrivate ? 'private' : 'public'}); updating it`);
  } else {
    isPrivate = !settings.isPublic;
    try {
      await createRepo({ repo: space, sdk: 'static', private: isPrivate, ...call });
      log(`  Created the Space ${spaceId} (${isPrivate ? 'private' : 'public'}, static)`);
    } catch (error) {
      // Created by someone else between the check and now: update it like an existing one.
      if (!(error instanceof HubApiError && error.statusCode === 409)) throw error;
      isPrivate = (await spaceInfo({ name: spaceId, ...call })).private;
      log(`  Space ${spaceId} exists; updating it`);
    }
  }

  const stale = [];
  for await (const entry of listFiles({ repo: space, recursive: true, ...call })) {
    if (entry.type === 'file' && !files.has(entry.path) && !KEEP.has(entry.path)) stale.push(entry.path);
  }
  const operations = [
    ...[...files].map(([filePath, data]) => ({ operation: 'addOrUpdate', path: filePath, content: new Blob([data]) })),
    ...stale.map((filePath) => ({ operation: 'delete', path: filePath })),
  ];
  const result = await commit({ repo: space, operations, title: 'Deploy the S3 → HF Bucket Importer', ...call });
  log(`  Uploaded ${files.size} files${stale.length > 0 ? `, removed ${stale.length} from the previous deploy` : ''} (commit ${result?.commit.oid.slice(0, 7) ?? '?'})`);

  const app = appUrl(hubUrl, namespace, name);
  const origin = app ?? 'the Space\'s page address';
  log('');
  log('The importer is deployed:');
  log(`  Space  ${hubUrl}/spaces/${spaceId}`);
  if (app) log(`  Page   ${app}`);
  log('');
  log('What to configure:');
  log('  - Nothing for "Sign in with Hugging Face": hf_oauth in README.md makes the Space provide OAUTH_CLIENT_ID');
  log('    and OAUTH_SCOPES by itself. No secret is needed.');
  log('  - Nothing for token sign-in either: users paste their own token in the page at run time.');
  log('  - A self-hosted hub only: set the Space variable HF_HUB_URL to its address (Settings → Variables).');
  log('  - Never add a token or S3 keys as Space variables or secrets: a static Space hands them to every');
  log('    visitor\'s browser (window.huggingface.variables).');
  log(`  - Users' S3 buckets need a CORS rule allowing GET and HEAD from ${origin} (the page shows it).`);
  if (isPrivate) {
    log(`  - The Space is private: only you${namespace === me.name ? '' : ` and members of ${namespace}`} can open it.`);
    log('    Make it public in its settings (or deploy a new Space with --public).');
  }
}

async function main() {
  let settings;
  try {
    settings = parseArguments(process.argv.slice(2));
  } catch (error) {
    console.error(`npm run deploy: ${error.message}\n${USAGE}`);
    return 2;
  }
  if (settings.help) {
    console.log(USAGE);
    return 0;
  }
  try {
    await deploy(settings, (line) => console.log(line));
    return 0;
  } catch (error) {
    console.error(`\nnpm run deploy: ${error instanceof UsageError ? error.message : explain(error, settings)}`);
    return error instanceof UsageError ? 2 : 1;
  }
}

process.exitCode = await main();
