// End-to-end tests against the real stack (marketplace-api, Keycloak, OPA, sandbox-runner) with
// Debian's Chromium. Base URL from PDX_WEB_URL (default: the API serving the built console).
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'e2e',
  timeout: 240_000,
  expect: { timeout: 30_000 },
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['list']],
  // Playwright empties its own output folder; journey screenshots go beside it, in test-results/.
  outputDir: 'test-results/playwright',
  use: {
    baseURL: process.env['PDX_WEB_URL'] ?? 'http://127.0.0.1:8080',
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
    actionTimeout: 30_000,
    navigationTimeout: 60_000,
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env['PDX_CHROMIUM'] ?? '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
