import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const BASE_URL = `http://localhost:${PORT}`;
// Debian's Chromium when present (these machines); otherwise Playwright's own (`npx playwright install chromium`).
const DEBIAN_CHROMIUM = "/usr/bin/chromium";

/**
 * Each run gets a fresh embedded database (PGlite in .tmp/e2e-<time>), or a fresh database on the
 * server named by TEST_DATABASE_URL, seeded with the demo region at start-up. tests/e2e/web-server.ts
 * creates that database, runs server.ts, and drops the database and folder once the server has stopped.
 */
const runId = process.env.E2E_RUN_ID ?? String(Date.now());
process.env.E2E_RUN_ID = runId;
const dataDir = path.resolve(".tmp", `e2e-${runId}`);
mkdirSync(dataDir, { recursive: true });
const databaseUrl = process.env.TEST_DATABASE_URL ? e2eDatabaseUrl(process.env.TEST_DATABASE_URL, runId) : undefined;

function e2eDatabaseUrl(serverUrl: string, id: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/staffroom_e2e_${id}`;
  return url.toString();
}

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  // One server over one database: two workers are plenty on two cores.
  workers: 2,
  // No retries, locally or on CI: a test that passes only on a retry is a bug to fix, not to hide.
  retries: 0,
  // Long journeys with an axe check at every step: generous, because speed is measured by benchmarks, not here.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME
    ? [["list"], ["json"], ["html", { open: "never", outputFolder: "playwright-report" }]]
    : [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // tests/run-all.sh builds once beforehand and sets E2E_PREBUILT; `npx playwright test` alone builds here.
    command: [
      ...(process.env.E2E_PREBUILT ? [] : ["./node_modules/.bin/remix build"]),
      "exec ./node_modules/.bin/tsx tests/e2e/web-server.ts",
    ].join(" && "),
    // SIGTERM lets the server close its database and web-server.ts clean up; SIGKILL after 20 s.
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    url: `${BASE_URL}/healthz`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NODE_ENV: "test",
      PORT: String(PORT),
      APP_URL: BASE_URL,
      SEED_DEMO: "auto",
      DATA_DIR: dataDir,
      // Never a DATABASE_URL from the caller's environment: the e2e run gets its own database.
      DATABASE_URL: databaseUrl ?? "",
    },
  },
});
