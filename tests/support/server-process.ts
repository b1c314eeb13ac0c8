import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export const TSX = path.resolve("node_modules/.bin/tsx");

export type ServerProcess = { child: ChildProcess; base: string; dataDir: string; output: () => string };

/** npm test builds first; a test file run alone builds when no build exists. */
function ensureBuild(): void {
  if (existsSync("build/index.js")) return;
  const build = spawnSync(path.resolve("node_modules/.bin/remix"), ["build"], { encoding: "utf8", timeout: 120_000 });
  if (build.status !== 0) throw new Error(`remix build failed:\n${build.stdout}\n${build.stderr}`);
}

/** A port nothing listens on now, chosen by the kernel: random ports collided when test files ran side by side. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/**
 * Starts the real server.ts on a fresh embedded database in a temporary folder and waits until it says it serves.
 * Its own "serving on" line, not just an answer on the port: another test's server once answered /healthz on the
 * same port, and this file's tests ran against it.
 */
export async function startServer(env: Record<string, string> = {}): Promise<ServerProcess> {
  ensureBuild();
  const dataDir = mkdtempSync(path.join(tmpdir(), "staffroom-server-"));
  let lastOutput = "";
  // The port can be taken between choosing and listening; a server that exits before serving gets another.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const base = `http://localhost:${port}`;
    const child = spawn(TSX, ["server.ts"], {
      env: {
        ...process.env,
        PORT: String(port),
        DATA_DIR: dataDir,
        SEED_DEMO: "never",
        NODE_ENV: "test",
        DATABASE_URL: "",
        APP_URL: base,
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    // A cold start (tsx, migrations, the bundled pay figures) takes seconds on a quiet machine and a minute or more
    // on a loaded one; the callers' hooks allow three minutes.
    const deadline = Date.now() + 150_000;
    while (Date.now() < deadline && child.exitCode === null) {
      if (output.includes(`serving on ${base}`)) {
        try {
          if ((await fetch(`${base}/healthz`)).ok) return { child, base, dataDir, output: () => output };
        } catch {
          // said so, but not answering yet
        }
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    lastOutput = output;
    if (child.exitCode === null) {
      child.kill("SIGKILL");
      break;
    }
  }
  throw new Error(`server did not start:\n${lastOutput}`);
}

export function waitForExit(child: ChildProcess, ms: number): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the server did not exit in time")), ms);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}
