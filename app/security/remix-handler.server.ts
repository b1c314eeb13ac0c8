import { createReadableStreamFromReadable, createRequestHandler, type ServerBuild } from "@remix-run/node";
import type { NextFunction, Request, Response } from "express";
import { hashToken } from "../auth/tokens.server";
import { writeBody } from "./body-writer.server";
import type { ReadBody } from "./request-body.server";
import { securityLog } from "./security-log.server";

const SESSION_COOKIE = /(?:^|;\s*)(?:__Host-)?staffroom_session=/;

/**
 * Remix's Express adapter, except that the body comes from `limitRequestBodies` (already read under its
 * caps), that every response to a signed-in user says `Cache-Control: no-store` (staffrooms share
 * computers, and nothing personal may stay in a browser or proxy cache), and that the chunks of a body ready
 * at once are sent together (writeBody).
 */
export function remixHandler(options: {
  build: ServerBuild;
  mode: string;
  getLoadContext: (req: Request, res: Response) => Record<string, unknown>;
}) {
  const handle = createRequestHandler(options.build, options.mode);
  const serve = async (req: Request, res: Response) => {
    const response = await handle(remixRequest(req, res), options.getLoadContext(req, res) as never);
    const signedIn =
      SESSION_COOKIE.test(req.get("cookie") ?? "") ||
      response.headers.getSetCookie().some((c) => /^(?:__Host-)?staffroom_session=/.test(c));
    if (response.status === 404 && signedIn) {
      // Possibly probing another organisation's records: who (the session's stored id, a hash of the token), where.
      const token = /(?:^|;\s*)(?:__Host-)?staffroom_session=([^;]*)/.exec(req.get("cookie") ?? "")?.[1] ?? "";
      securityLog("not-found.signed-in", {
        session: token ? hashToken(token).slice(0, 16) : null,
        ip: req.ip,
        method: req.method,
        path: req.path,
      });
    }
    res.statusMessage = response.statusText;
    res.status(response.status);
    // A route's own header replaces the site-wide default set earlier (Referrer-Policy on the reset page).
    for (const [key, value] of response.headers.entries()) {
      if (key === "set-cookie") res.append(key, value);
      else res.setHeader(key, value);
    }
    if (signedIn) res.setHeader("Cache-Control", "no-store");
    if (response.body) await writeBody(response.body, res);
    else res.end();
  };
  // Express 4 ignores what a handler returns, so a failure reaches the error handler through next().
  return (req: Request, res: Response, next: NextFunction) => {
    serve(req, res).catch(next);
  };
}

/** As @remix-run/express builds it (the host respects "trust proxy"), with the body read under its caps. */
function remixRequest(req: Request, res: Response): globalThis.Request {
  const port = /:(\d+)$/.exec(req.get("x-forwarded-host") ?? req.get("host") ?? "")?.[1];
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else if (value !== undefined) headers.set(key, value);
  }
  // Abort the loaders and actions when the client goes away before the response is sent.
  let controller: AbortController | null = new AbortController();
  const signal = controller.signal;
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());
  if (req.method === "GET" || req.method === "HEAD")
    return new globalThis.Request(url, { method: req.method, headers, signal });
  const body = (res.locals as Partial<ReadBody>).body;
  return new globalThis.Request(url, {
    method: req.method,
    headers,
    signal,
    body:
      body === undefined
        ? createReadableStreamFromReadable(req)
        : body.length > 0
          ? new Uint8Array(body.buffer, body.byteOffset, body.length)
          : null,
    duplex: "half",
  } as RequestInit);
}
