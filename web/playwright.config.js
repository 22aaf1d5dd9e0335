// Browser end-to-end tests: Debian's Chromium, headless, against a real `huntdb serve` over a
// demo workspace that globalSetup builds (see test/e2e/server.js for the environment it reads).
import { defineConfig } from '@playwright/test';

const outputDir = process.env.WORKBENCH_E2E_OUT || 'test-results';

export default defineConfig({
  testDir: 'test/e2e',
  outputDir,
  globalSetup: './test/e2e/global-setup.js',
  globalTeardown: './test/e2e/global-teardown.js',
  timeout: Number(process.env.WORKBENCH_E2E_TIMEOUT_MS || 120000),
  expect: { timeout: Number(process.env.WORKBENCH_E2E_EXPECT_MS || 30000) },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    headless: true,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-dev-shm-usage'],
    },
    screenshot: 'only-on-failure',
    trace: 'off',
  },
});
