import postgres from "postgres";

/**
 * Run before the e2e server starts (Playwright starts webServer before globalSetup): with DATABASE_URL
 * set, create that database afresh on its server. Without it the server uses a fresh PGlite folder.
 */
const target = process.env.DATABASE_URL;
if (target) {
  const url = new URL(target);
  const name = url.pathname.slice(1);
  if (!/^staffroom_e2e_\w+$/.test(name)) throw new Error(`refusing to recreate ${name}: not an e2e database`);
  url.pathname = "/postgres";
  const admin = postgres(url.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
}
