import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const TSX = path.resolve("node_modules/.bin/tsx");
const PORT = 3900 + Math.floor(Math.random() * 90);
const BASE = `http://localhost:${PORT}`;

function waitForExit(child: ChildProcess, ms: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the server did not exit in time")), ms);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

describe("the server process", () => {
  let dataDir: string;
  let server: ChildProcess;
  let output = "";

  beforeAll(async () => {
    // npm test builds first; run alone, this file builds when no build exists.
    if (!existsSync("build/index.js")) {
      const build = spawnSync(path.resolve("node_modules/.bin/remix"), ["build"], {
        encoding: "utf8",
        timeout: 120_000,
      });
      if (build.status !== 0) throw new Error(`remix build failed:\n${build.stdout}\n${build.stderr}`);
    }
    dataDir = mkdtempSync(path.join(tmpdir(), "staffroom-server-"));
    server = spawn(TSX, ["server.ts"], {
      env: {
        ...process.env,
        PORT: String(PORT),
        DATA_DIR: dataDir,
        SEED_DEMO: "never",
        NODE_ENV: "test",
        DATABASE_URL: "",
        APP_URL: BASE,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout!.on("data", (d) => (output += d));
    server.stderr!.on("data", (d) => (output += d));
    for (let i = 0; i < 120; i++) {
      try {
        if ((await fetch(`${BASE}/healthz`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`server did not start:\n${output}`);
  }, 180_000);

  afterAll(() => {
    if (server.exitCode === null) server.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("refuses a bad setting at start-up, naming the variable", () => {
    const result = spawnSync(TSX, ["server.ts"], {
      env: { ...process.env, PORT: "abc", DATA_DIR: dataDir },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("PORT");
  });

  it("sends security headers with a fresh CSP nonce on every page", async () => {
    const [a, b] = await Promise.all([fetch(`${BASE}/`), fetch(`${BASE}/`)]);
    const csp = a.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(b.headers.get("content-security-policy")).not.toBe(csp);
    expect(a.headers.get("x-content-type-options")).toBe("nosniff");
    expect(a.headers.get("x-frame-options")).toBe("DENY");
    expect(a.headers.get("x-powered-by")).toBeNull();
  });

  it("refuses writes from another origin with 403, and lets its own through", async () => {
    const body = "email=someone%40example.com";
    const headers = { "Content-Type": "application/x-www-form-urlencoded" };
    const foreign = await fetch(`${BASE}/forgot-password`, {
      method: "POST",
      body,
      headers: { ...headers, Origin: "https://evil.example" },
      redirect: "manual",
    });
    expect(foreign.status).toBe(403);
    const bare = await fetch(`${BASE}/forgot-password`, { method: "POST", body, headers, redirect: "manual" });
    expect(bare.status).toBe(403);
    const own = await fetch(`${BASE}/forgot-password`, {
      method: "POST",
      body,
      headers: { ...headers, Origin: BASE },
      redirect: "manual",
    });
    expect(own.status).toBe(302);
  });

  it("answers a NUL in the address with 400, not a database error", async () => {
    expect((await fetch(`${BASE}/schools?q=%00`)).status).toBe(400);
  });

  it("closes the database and exits 0 on SIGTERM", async () => {
    server.kill("SIGTERM");
    expect(await waitForExit(server, 15_000)).toBe(0);
    expect(output).toContain("closed");
  });
});
