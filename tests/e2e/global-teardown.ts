import { rmSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { e2eDatabaseUrl } from "../../playwright.config";

export default async function globalTeardown() {
  const runId = process.env.E2E_RUN_ID!;
  rmSync(path.resolve(".tmp", `e2e-${runId}`), { recursive: true, force: true });
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return;
  const name = new URL(e2eDatabaseUrl(serverUrl, runId)).pathname.slice(1);
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
