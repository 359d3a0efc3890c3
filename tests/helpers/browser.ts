/**
 * Debian's Chromium driven by playwright-core. A missing browser fails the suite: CI must
 * install it (see .ci/run), and a skipped browser test would hide a broken search page.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type BrowserContextOptions } from 'playwright-core';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/**
 * A fresh browser with its own profile. `options` set what a context fixes at creation:
 * `javaScriptEnabled: false`, a phone's `viewport`, `isMobile`, and so on.
 */
export async function launchBrowser(options: BrowserContextOptions = {}): Promise<Browser> {
  const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}. Install it with "apt-get install -y chromium" or set CHROMIUM_PATH.`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'errata-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { ...options, executablePath, args: CHROMIUM_ARGS, headless: true });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
