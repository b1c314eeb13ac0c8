import type { Server } from "node:http";
import type { NextFunction, Request, Response } from "express";

/**
 * Graceful shutdown on SIGTERM/SIGINT: stop accepting connections, let the requests in flight finish
 * (up to `graceMs`), then close the job queue and the database, and exit. A request still running when
 * the grace period ends has its connection closed; the process then stops anyway.
 */
export function gracefulShutdown(options: { graceMs: number; log: (m: string) => void; stop: () => Promise<void> }) {
  let inFlight = 0;
  let stopping = false;
  let drained: (() => void) | undefined;

  function trackRequests(_req: Request, res: Response, next: NextFunction) {
    inFlight++;
    // While stopping, a kept-alive connection must not carry another request.
    if (stopping) res.setHeader("Connection", "close");
    res.once("close", () => {
      inFlight--;
      if (inFlight === 0) drained?.();
    });
    next();
  }

  function attach(server: Server) {
    async function shutdown(signal: string) {
      if (stopping) return;
      stopping = true;
      options.log(`${signal}: no longer accepting connections; ${inFlight} request(s) in flight`);
      const force = setTimeout(() => process.exit(1), options.graceMs + 10_000);
      force.unref();
      server.close();
      server.closeIdleConnections();
      if (inFlight > 0) {
        const finished = await Promise.race([
          new Promise<true>((resolve) => (drained = () => resolve(true))),
          new Promise<false>((resolve) => setTimeout(() => resolve(false), options.graceMs).unref()),
        ]);
        options.log(finished ? "requests in flight finished" : `grace period over: closing ${inFlight} request(s)`);
      }
      server.closeAllConnections();
      await options.stop();
      options.log("closed");
      process.exit(0);
    }
    process.on("SIGTERM", () => void shutdown("SIGTERM"));
    process.on("SIGINT", () => void shutdown("SIGINT"));
  }

  return { trackRequests, attach };
}
