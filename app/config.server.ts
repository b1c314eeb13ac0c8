import { availableParallelism } from "node:os";
import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    // Loopback unless told otherwise: the embedded default (dev mailbox, generated secret) is for this machine.
    HOST: z.string().trim().min(1).default("127.0.0.1"),
    APP_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
        .optional(),
    ),
    DATA_DIR: z.string().trim().min(1).default("./.data"),
    MEILI_HOST: optionalString.pipe(z.url().optional()),
    MEILI_ADMIN_KEY: optionalString,
    MEILI_SEARCH_KEY: optionalString,
    MEILI_MASTER_KEY: optionalString,
    MEILI_INDEX: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,200}$/, "must be letters, digits, - or _")
      .default("vacancies"),
    RESEND_API_KEY: optionalString.pipe(z.string().startsWith("re_", "must start with re_").optional()),
    RESEND_WEBHOOK_SECRET: optionalString.pipe(
      z.string().startsWith("whsec_", "must start with whsec_ (Resend's webhook signing secret)").optional(),
    ),
    MAIL_FROM: z.string().trim().min(3).default("Staffroom <no-reply@staffroom.example>"),
    SESSION_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
    SEED_DEMO: z.enum(["auto", "never"]).default("auto"),
    SEARCH_KEEP_RESULTS: z.enum(["on", "off"], "must be on or off").default("on"),
    KEEP_PAGES: z.enum(["on", "off"], "must be on or off").default("on"),
    PAY_OFFERS_IN_MEMORY: z.enum(["on", "off"], "must be on or off").default("on"),
    SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(600).default(10),
    WEB_CONCURRENCY: optionalString
      .transform((v) => (v === undefined ? undefined : Number(v)))
      .pipe(z.number("must be a whole number from 1 to 64").int().min(1).max(64).optional()),
  })
  .superRefine((env, ctx) => {
    if (env.RESEND_WEBHOOK_SECRET && !env.RESEND_API_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["RESEND_WEBHOOK_SECRET"],
        message: "needs RESEND_API_KEY: it is Resend's",
      });
    }
    // Meilisearch's guidance: the master key only manages keys. Writes use an admin key, searches a search key.
    if (env.MEILI_MASTER_KEY)
      ctx.addIssue({
        code: "custom",
        path: ["MEILI_MASTER_KEY"],
        message:
          "is not used: the master key only manages keys. Set MEILI_ADMIN_KEY and MEILI_SEARCH_KEY instead (GET /keys with the master key lists the server's default admin and search keys)",
      });
    if (env.MEILI_HOST && !env.MEILI_ADMIN_KEY)
      ctx.addIssue({ code: "custom", path: ["MEILI_ADMIN_KEY"], message: "is required when MEILI_HOST is set" });
    if (env.MEILI_HOST && !env.MEILI_SEARCH_KEY)
      ctx.addIssue({ code: "custom", path: ["MEILI_SEARCH_KEY"], message: "is required when MEILI_HOST is set" });
    // PGlite is one process's database: a second process cannot open the same folder.
    if (!env.DATABASE_URL && env.WEB_CONCURRENCY !== undefined && env.WEB_CONCURRENCY > 1)
      ctx.addIssue({
        code: "custom",
        path: ["WEB_CONCURRENCY"],
        message: "needs DATABASE_URL: the embedded database serves one process (leave it unset or set 1)",
      });
    // A real deployment (production on a database server) must not run on the embedded defaults.
    if (env.NODE_ENV === "production" && env.DATABASE_URL) {
      if (!env.SESSION_SECRET)
        ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "is required in production" });
      if (!env.RESEND_API_KEY)
        ctx.addIssue({ code: "custom", path: ["RESEND_API_KEY"], message: "is required in production" });
      if (!env.APP_URL?.startsWith("https://"))
        ctx.addIssue({ code: "custom", path: ["APP_URL"], message: "must be an https:// URL in production" });
    }
  });

export type AppConfig = {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  appUrl: string;
  databaseUrl?: string;
  dataDir: string;
  meili?: { host: string; adminKey: string; searchKey: string; index: string };
  resendApiKey?: string;
  /** Resend's webhook signing secret: with it, POST /webhooks/resend takes bounce and complaint events. */
  resendWebhookSecret?: string;
  mailFrom: string;
  /** SESSION_SECRET; null means "generate one per data folder" (startRuntime resolves it: sessionSecretFor). */
  sessionSecret: string | null;
  seedDemo: boolean;
  /** The embedded search engine keeps results in memory between index writes (ADR 0031); SEARCH_KEEP_RESULTS=off. */
  keepSearchResults: boolean;
  /** Pages shown to visitors who are not signed in are kept in memory between writes (ADR 0041); KEEP_PAGES=off. */
  keepPages: boolean;
  /** Each process keeps the published pay offers in memory for one assessment's neighbours (ADR 0034); PAY_OFFERS_IN_MEMORY=off. */
  payOffersInMemory: boolean;
  /** How long a shutdown waits for requests in flight before closing their connections. */
  shutdownGraceMs: number;
  /** Web server processes: one per core on a database server unless WEB_CONCURRENCY says; always 1 on PGlite. */
  processes: number;
  /** Secure, __Host- cookies: whenever the public URL is https. */
  secureCookies: boolean;
  /**
   * The dev mailbox is the transport whenever Resend is not configured. It is readable at /dev/mailbox only
   * when the server listens on a loopback address, and then only from this machine (see isLoopbackAddress):
   * it holds every reset link, so a server reachable from elsewhere must never show it.
   */
  devMailbox: boolean;
};

/** The configuration of a started runtime: the session secret is always resolved. */
export type RuntimeConfig = Omit<AppConfig, "sessionSecret"> & { sessionSecret: string };

/** 127.0.0.0/8, ::1 and IPv4-mapped loopback; "localhost" for a listening host. */
export function isLoopbackAddress(address: string): boolean {
  const a = address.trim().toLowerCase();
  return a === "localhost" || a === "::1" || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(a);
}

export class ConfigError extends Error {}

/** Validates the environment; a bad value throws a ConfigError naming each variable at fault. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "(environment)"}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const appUrl = (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    appUrl,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    meili:
      e.MEILI_HOST && e.MEILI_ADMIN_KEY && e.MEILI_SEARCH_KEY
        ? { host: e.MEILI_HOST, adminKey: e.MEILI_ADMIN_KEY, searchKey: e.MEILI_SEARCH_KEY, index: e.MEILI_INDEX }
        : undefined,
    resendApiKey: e.RESEND_API_KEY,
    resendWebhookSecret: e.RESEND_WEBHOOK_SECRET,
    mailFrom: e.MAIL_FROM,
    // Never a fixed published value: without SESSION_SECRET, one is generated per data folder at start-up.
    sessionSecret: e.SESSION_SECRET ?? null,
    // A real deployment (production on a database server) never gets the demo's published passwords and keys.
    seedDemo: e.SEED_DEMO === "auto" && !(e.NODE_ENV === "production" && e.DATABASE_URL),
    keepSearchResults: e.SEARCH_KEEP_RESULTS === "on",
    // Not in development: a rebuilt page must show at once.
    keepPages: e.KEEP_PAGES === "on" && e.NODE_ENV !== "development",
    payOffersInMemory: e.PAY_OFFERS_IN_MEMORY === "on",
    shutdownGraceMs: e.SHUTDOWN_GRACE_SECONDS * 1000,
    // Development (remix dev restarts one process) and tests run one unless told; production one per core.
    processes: e.DATABASE_URL ? (e.WEB_CONCURRENCY ?? (e.NODE_ENV === "production" ? availableParallelism() : 1)) : 1,
    secureCookies: appUrl.startsWith("https://"),
    devMailbox: !e.RESEND_API_KEY && isLoopbackAddress(e.HOST),
  };
}
