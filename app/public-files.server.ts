import { readdirSync } from "node:fs";
import path from "node:path";
import express, { type RequestHandler } from "express";

/**
 * The files in public/ outside public/build (the favicon and the like), served for an hour. The list is read at
 * start-up so that a page request does not ask the file system first whether it is a file (a stat on every
 * request, through libuv's thread pool, before any page was rendered).
 */
export function publicFiles(folder = "public"): RequestHandler {
  const files = new Set(
    readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => `/${path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")}`)
      .filter((file) => !file.startsWith("/build/")),
  );
  const serve = express.static(folder, { maxAge: "1h" });
  return (req, res, next) => (files.has(req.path) ? serve(req, res, next) : next());
}
