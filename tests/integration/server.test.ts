import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, TSX, waitForExit, type ServerProcess } from "../support/server-process";

describe("the server process", () => {
  let started: ServerProcess;
  let dataDir: string;
  let BASE: string;

  beforeAll(async () => {
    started = await startServer();
    dataDir = started.dataDir;
    BASE = started.base;
  }, 180_000);

  afterAll(() => {
    if (started.child.exitCode === null) started.child.kill("SIGKILL");
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

  it("serves public/ files (the favicon) for an hour, and pages as pages", async () => {
    const icon = await fetch(`${BASE}/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get("cache-control")).toBe("public, max-age=3600");
    expect((await fetch(`${BASE}/favicon.ico.missing`)).status).toBe(404);
    expect((await fetch(`${BASE}/`)).headers.get("content-type")).toContain("text/html");
  });

  it("answers a NUL in the address with 400, not a database error", async () => {
    expect((await fetch(`${BASE}/schools?q=%00`)).status).toBe(400);
  });

  it("closes the database and exits 0 on SIGTERM", async () => {
    started.child.kill("SIGTERM");
    expect(await waitForExit(started.child, 15_000)).toBe(0);
    expect(started.output()).toContain("closed");
  });
});
