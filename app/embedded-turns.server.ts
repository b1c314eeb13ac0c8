import type { RequestHandler } from "express";
import pLimit from "p-limit";

/**
 * The embedded database runs every query on the server's one thread, one at a time. Twenty pages at once took turns
 * query by query, so each waited behind everyone's queries and a few waited seconds (p99 3 s at 20 connections).
 * Letting `pages` requests in at a time, first come first served, keeps the throughput and bounds the wait:
 * a page waits for the pages ahead of it, not for every other page's next query (ADR 0028). A request whose
 * client has gone while it waited is not served.
 */
export function embeddedDatabaseTurns(pages: number): RequestHandler {
  const limit = pLimit(pages);
  return (req, res, next) => {
    void limit(
      () =>
        new Promise<void>((resolve) => {
          if (req.socket.destroyed) return resolve();
          res.once("close", () => resolve());
          next();
        }),
    );
  };
}
