// One place that knows how to launch Debian's Chromium here: as root it needs --no-sandbox, and the
// closed network makes background services fail noisily unless they are switched off.
import { existsSync } from 'node:fs';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export function chromiumPath() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/lib/chromium/chromium'];
  const found = candidates.find((candidate) => candidate && existsSync(candidate));
  if (!found) {
    throw new Error('Chromium not found. Install it with: apt-get install -y chromium (or set CHROME_PATH).');
  }
  return found;
}
