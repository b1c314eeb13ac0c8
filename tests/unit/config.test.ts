import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../app/config.server";

function errorOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
  throw new Error("expected a ConfigError");
}

describe("configuration", () => {
  it("listens on loopback by default, and shows the dev mailbox only on a loopback server", () => {
    expect(loadConfig({}).host).toBe("127.0.0.1");
    expect(loadConfig({ HOST: "::1" }).devMailbox).toBe(true);
    expect(loadConfig({ HOST: "localhost" }).devMailbox).toBe(true);
    expect(loadConfig({ HOST: "0.0.0.0" }).devMailbox).toBe(false);
    expect(loadConfig({ HOST: "192.168.1.20" }).devMailbox).toBe(false);
    expect(loadConfig({ HOST: "::" }).devMailbox).toBe(false);
  });

  it("publishes no session secret: unset means generated per data folder", () => {
    expect(loadConfig({}).sessionSecret).toBeNull();
    expect(loadConfig({ SESSION_SECRET: "x".repeat(32) }).sessionSecret).toBe("x".repeat(32));
  });

  it("runs on the embedded defaults with nothing set", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      env: "development",
      port: 3000,
      appUrl: "http://localhost:3000",
      dataDir: "./.data",
      databaseUrl: undefined,
      meili: undefined,
      devMailbox: true,
      secureCookies: false,
      seedDemo: true,
      keepSearchResults: true,
    });
    expect(loadConfig({ SEARCH_KEEP_RESULTS: "off" }).keepSearchResults).toBe(false);
  });

  it.each([
    [{ PORT: "abc" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ PORT: "0" }, "PORT"],
    [{ PORT: "3000.5" }, "PORT"],
    [{ DATA_DIR: "  " }, "DATA_DIR"],
    [{ MAIL_FROM: "x" }, "MAIL_FROM"],
    [{ SEARCH_KEEP_RESULTS: "no" }, "SEARCH_KEEP_RESULTS: must be on or off"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL: must be a postgres:// or postgresql:// URL"],
    [
      { MEILI_HOST: "http://127.0.0.1:7700", MEILI_SEARCH_KEY: "s" },
      "MEILI_ADMIN_KEY: is required when MEILI_HOST is set",
    ],
    [
      { MEILI_HOST: "http://127.0.0.1:7700", MEILI_ADMIN_KEY: "a" },
      "MEILI_SEARCH_KEY: is required when MEILI_HOST is set",
    ],
    [{ MEILI_HOST: "not a url", MEILI_ADMIN_KEY: "a", MEILI_SEARCH_KEY: "s" }, "MEILI_HOST"],
    [
      { MEILI_HOST: "http://127.0.0.1:7700", MEILI_MASTER_KEY: "m" },
      "MEILI_MASTER_KEY: is not used: the master key only manages keys",
    ],
    [{ RESEND_API_KEY: "abc" }, "RESEND_API_KEY: must start with re_"],
    [{ SESSION_SECRET: "short" }, "SESSION_SECRET: must be at least 32 characters"],
    [{ APP_URL: "ftp://example.org" }, "APP_URL"],
    [{ SEED_DEMO: "sometimes" }, "SEED_DEMO"],
    [{ NODE_ENV: "staging" }, "NODE_ENV"],
  ])("refuses %j, naming the variable", (env, expected) => {
    expect(errorOf(env)).toContain(expected);
  });

  it("treats empty values as unset, and trims a trailing slash off APP_URL", () => {
    const c = loadConfig({
      DATABASE_URL: "",
      MEILI_HOST: " ",
      RESEND_API_KEY: "",
      SESSION_SECRET: "",
      APP_URL: "http://localhost:4000/",
    });
    expect(c).toMatchObject({
      databaseUrl: undefined,
      meili: undefined,
      devMailbox: true,
      appUrl: "http://localhost:4000",
    });
    expect(loadConfig({ PORT: "4100" }).appUrl).toBe("http://localhost:4100");
  });

  it("names every variable at fault in one message", () => {
    const message = errorOf({ PORT: "abc", DATABASE_URL: "mysql://x", SEED_DEMO: "yes" });
    expect(message).toMatch(/PORT: .*\n.*DATABASE_URL: .*\n.*SEED_DEMO: /s);
  });

  it("turns on secure cookies for an https APP_URL, and the real mailer with a Resend key", () => {
    const c = loadConfig({
      APP_URL: "https://staffroom.example",
      RESEND_API_KEY: "re_abc",
      MEILI_HOST: "http://127.0.0.1:7700",
      MEILI_ADMIN_KEY: "a",
      MEILI_SEARCH_KEY: "s",
    });
    expect(c).toMatchObject({
      secureCookies: true,
      devMailbox: false,
      meili: { host: "http://127.0.0.1:7700", adminKey: "a", searchKey: "s" },
    });
  });

  it("a production deployment on a server needs a secret, real e-mail and https", () => {
    const message = errorOf({ NODE_ENV: "production", DATABASE_URL: "postgres://db/staffroom" });
    expect(message).toContain("SESSION_SECRET: is required in production");
    expect(message).toContain("RESEND_API_KEY: is required in production");
    expect(message).toContain("APP_URL: must be an https:// URL in production");
    const ok = loadConfig({
      NODE_ENV: "production",
      DATABASE_URL: "postgres://db/staffroom",
      SESSION_SECRET: "x".repeat(40),
      RESEND_API_KEY: "re_123",
      APP_URL: "https://staffroom.example/",
    });
    expect(ok).toMatchObject({ secureCookies: true, devMailbox: false, appUrl: "https://staffroom.example" });
    // Its database never gets the demo cast, whose passwords and authenticator key are published.
    expect(ok.seedDemo).toBe(false);
  });

  it("takes Resend's webhook secret only beside Resend's key", () => {
    expect(errorOf({ RESEND_WEBHOOK_SECRET: "whsec_abc" })).toContain("RESEND_WEBHOOK_SECRET: needs RESEND_API_KEY");
    expect(errorOf({ RESEND_API_KEY: "re_1", RESEND_WEBHOOK_SECRET: "abc" })).toContain(
      "RESEND_WEBHOOK_SECRET: must start with whsec_",
    );
    expect(loadConfig({ RESEND_API_KEY: "re_1", RESEND_WEBHOOK_SECRET: "whsec_abc" }).resendWebhookSecret).toBe(
      "whsec_abc",
    );
    expect(loadConfig({}).resendWebhookSecret).toBeUndefined();
  });

  it("npm start on the embedded database may run in production mode without them", () => {
    expect(loadConfig({ NODE_ENV: "production" }).devMailbox).toBe(true);
  });

  it("runs one server process per core in production on a database server, one otherwise, as WEB_CONCURRENCY says", () => {
    const server = { DATABASE_URL: "postgres://db/staffroom" };
    const production = {
      ...server,
      NODE_ENV: "production",
      SESSION_SECRET: "s".repeat(32),
      RESEND_API_KEY: "re_x",
      APP_URL: "https://staffroom.example",
    };
    expect(loadConfig(production).processes).toBe(availableParallelism());
    expect(loadConfig({ ...production, WEB_CONCURRENCY: "3" }).processes).toBe(3);
    expect(loadConfig(server).processes).toBe(1);
    expect(loadConfig({ ...server, WEB_CONCURRENCY: "2" }).processes).toBe(2);
    expect(loadConfig({ NODE_ENV: "production" }).processes).toBe(1);
    expect(loadConfig({ WEB_CONCURRENCY: "1" }).processes).toBe(1);
  });

  it.each(["0", "65", "two", "1.5"])("refuses WEB_CONCURRENCY=%s, naming it", (value) => {
    expect(errorOf({ DATABASE_URL: "postgres://db/staffroom", WEB_CONCURRENCY: value })).toContain("WEB_CONCURRENCY");
  });

  it("refuses several processes on the embedded database, which one process holds", () => {
    expect(errorOf({ WEB_CONCURRENCY: "2" })).toMatch(/WEB_CONCURRENCY: needs DATABASE_URL/);
  });
});
