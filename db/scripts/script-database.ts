import { Socket } from "node:net";
import path from "node:path";
import { loadConfig } from "../../app/config.server";
import { openDatabase, runMigrations, type Connection } from "../client";

export const pgliteWarning =
  "Without DATABASE_URL the scripts use PGlite in $DATA_DIR/pglite (default ./.data/pglite). PGlite is\n" +
  "single-process: two processes on one folder corrupt it silently, so stop the server (npm start) first.";

/**
 * The database the app would use: DATABASE_URL's server, or PGlite in DATA_DIR/pglite (the same folder
 * app/runtime.server.ts opens). Migrations are applied so scripts work on a fresh database.
 */
export async function openScriptDatabase(options: { force?: boolean } = {}): Promise<Connection> {
  const config = loadConfig(process.env);
  if (config.databaseUrl) {
    const connection = await openDatabase({ url: config.databaseUrl, max: 2 });
    await runMigrations(connection);
    return connection;
  }
  // PGlite has no cross-process lock. A listening app port is the best available sign that the
  // server holds the folder open; --force is for when something else owns that port.
  if (!options.force && (await isListening(config.port))) {
    throw new ScriptRefusal(
      `Something is listening on port ${config.port}: probably the Staffroom server, which holds the PGlite\n` +
        `database open. Stop it first (PGlite is single-process), or pass --force if that port is not ours,\n` +
        `or set DATABASE_URL to use a PostgreSQL server.`,
    );
  }
  const dataDir = path.join(config.dataDir, "pglite");
  const connection = await openDatabase({ dataDir });
  await runMigrations(connection);
  return connection;
}

/** A refusal with a message for the user: printed without a stack trace, exit code 2. */
class ScriptRefusal extends Error {}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (listening: boolean) => {
      socket.destroy();
      resolve(listening);
    };
    socket.setTimeout(300, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
    socket.connect(port, "127.0.0.1");
  });
}

/** Runs a script's main, turning refusals and bad input into a message and an exit code. */
export function runScript(main: () => Promise<number | void>): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (error: unknown) => {
      if (error instanceof ScriptRefusal) {
        console.error(error.message);
        process.exit(2);
      }
      console.error(error);
      process.exit(1);
    },
  );
}
