#!/usr/bin/env node
/**
 * Makes sure Debian's Chromium is at /usr/bin/chromium (or $FOYER_CHROMIUM) for the browser tests;
 * installs it with apt-get when missing and we are root (CI). Never downloads browsers through
 * playwright: those downloads fail on this network.
 */
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const CHROMIUM = process.env.FOYER_CHROMIUM ?? '/usr/bin/chromium';

function version() {
  try {
    return execFileSync(CHROMIUM, ['--version'], {
      encoding: 'utf8',
      timeout: 30_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

if (existsSync(CHROMIUM) && version()) {
  console.log(`chromium: ${version()} (${CHROMIUM})`);
  process.exit(0);
}

if (process.getuid?.() !== 0) {
  console.error(`Chromium not found at ${CHROMIUM}. Install it: sudo apt-get install -y chromium`);
  process.exit(1);
}

console.log('chromium: not found, installing the Debian package …');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
try {
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env });
} catch (error) {
  console.error(`apt-get failed: ${error.message}`);
  process.exit(1);
}
const installed = version();
if (!installed) {
  console.error(`Chromium still missing at ${CHROMIUM} after apt-get install`);
  process.exit(1);
}
console.log(`chromium: ${installed}`);
