import path from "node:path";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { ConfigError, loadConfig, type AppConfig } from "./app/config.server";
import { processRole, superviseServers } from "./app/processes.server";
import { publicFiles } from "./app/public-files.server";
import { embeddedDatabaseTurns } from "./app/embedded-turns.server";
import { KeptPages } from "./app/kept-pages/kept-pages.server";
import { startRuntime, stopRuntime } from "./app/runtime.server";
import { securityHeaders } from "./app/security/headers.server";
import { sameOriginWrites } from "./app/security/origin.server";
import { rejectNulInUrl } from "./app/security/reject-nul.server";
import { remixHandler } from "./app/security/remix-handler.server";
import { limitRequestBodies } from "./app/security/request-body.server";
import { gracefulShutdown } from "./app/security/shutdown.server";
import { services } from "./app/services.server";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let config: AppConfig;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) fail(error.message);
  throw error;
}

const role = processRole(config.processes);
const log = (m: string) =>
  console.log(role.kind === "server" && role.of > 1 ? `[staffroom ${role.number}] ${m}` : `[staffroom] ${m}`);

if (role.kind === "supervisor") {
  // Migrations, pay scales and the demo seed run once, here, before any server process opens the database.
  await startRuntime(config, { workers: false, seed: config.seedDemo, log });
  await stopRuntime();
  superviseServers({ count: config.processes, graceMs: config.shutdownGraceMs, log });
} else {
  await serve(role.runsJobs, role.prepares);
}

async function serve(runsJobs: boolean, prepares: boolean): Promise<void> {
  await startRuntime(config, { workers: runsJobs, seed: prepares && config.seedDemo, log });
  if (runsJobs) log("job workers and schedules: running in this process");

  const buildPath = path.resolve("build/index.js");
  const build = (await import(buildPath)) as ServerBuild;

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  const shutdown = gracefulShutdown({ graceMs: config.shutdownGraceMs, log, stop: stopRuntime });
  app.use(shutdown.trackRequests);
  app.use(compression());
  app.use(securityHeaders({ secure: config.secureCookies, dev: config.env === "development" }));
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(publicFiles());
  if (!config.databaseUrl) app.use(embeddedDatabaseTurns(2));
  app.use(rejectNulInUrl);
  app.use(sameOriginWrites(config.appUrl));
  app.use(limitRequestBodies());
  app.all(
    "*",
    remixHandler({
      build,
      mode: config.env,
      getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce as string, clientIp: req.ip ?? "unknown" }),
      keptPages: config.keepPages ? new KeptPages(() => services().connection.db) : undefined,
    }),
  );

  const server = app.listen(config.port, config.host, () => {
    log(`serving on ${config.appUrl} (process id ${process.pid})`);
    // `remix dev` restarts this process on every rebuild and waits for this signal.
    if (process.env.REMIX_DEV_ORIGIN) void broadcastDevReady(build);
  });

  shutdown.attach(server);
}
