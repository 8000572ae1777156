// Runs before any other module of the page (main.ts imports it first, and imports evaluate in
// order): reads the page's settings and puts the fetch guard in place, so no code, however it
// holds on to `fetch`, can reach anything but the hub and the S3 endpoint in use.
import { readPageConfig, type SpaceVariables } from './config/page-config.js';
import { installFetchGuard } from './net/install-fetch-guard.js';

// A static Space defines window.huggingface.variables before any page script runs.
const variables = (window as { huggingface?: { variables?: SpaceVariables } }).huggingface?.variables;

export const pageConfig = readPageConfig({ href: location.href, variables });
export const connectionPolicy = installFetchGuard(window, { hubUrl: pageConfig.hubUrl });
