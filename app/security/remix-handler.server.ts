import { createReadableStreamFromReadable, createRequestHandler, type ServerBuild } from "@remix-run/node";
import type { NextFunction, Request, Response } from "express";
import { hashToken } from "../auth/tokens.server";
import { mayKeep, type PageKeeping } from "../kept-pages/keep";
import { cutAtNonce, joinWithNonce, type KeptPage, type KeptPages } from "../kept-pages/kept-pages.server";
import { writeBody } from "./body-writer.server";
import type { ReadBody } from "./request-body.server";
import { securityLog } from "./security-log.server";

const SESSION_COOKIE = /(?:^|;\s*)(?:__Host-)?staffroom_session=/;
/** Any of Staffroom's cookies (the session, a flash message): a page made for such a visitor is never kept. */
const STAFFROOM_COOKIE = /(?:^|;\s*)(?:__Host-)?staffroom_/;

/**
 * Remix's Express adapter, except that the body comes from `limitRequestBodies` (already read under its
 * caps), that every response to a signed-in user says `Cache-Control: no-store` (staffrooms share
 * computers, and nothing personal may stay in a browser or proxy cache), and that the chunks of a body ready
 * at once are sent together (writeBody). With `keptPages`, a page a loader offered to keep (keepPage) is kept for
 * later visitors with no Staffroom cookie, and answered from memory while it holds (ADR 0041).
 */
export function remixHandler(options: {
  build: ServerBuild;
  mode: string;
  getLoadContext: (req: Request, res: Response) => Record<string, unknown>;
  keptPages?: KeptPages;
}) {
  const handle = createRequestHandler(options.build, options.mode);
  const kept = options.keptPages;
  const serve = async (req: Request, res: Response) => {
    const keepable =
      kept && req.method === "GET" && mayKeep(req.path) && !STAFFROOM_COOKIE.test(req.get("cookie") ?? "");
    const key = `${req.protocol}://${req.get("host") ?? ""}${req.originalUrl}`;
    // Read before the page is made: a write committing while it is made leaves it under the older stamp.
    const generation = keepable ? await kept.generation() : null;
    if (generation) {
      const page = kept!.find(key, generation, Date.now());
      if (page) return replay(page, req, res);
    }
    const context = options.getLoadContext(req, res);
    const offer: PageKeeping | undefined = generation ? {} : undefined;
    if (offer) context.pageKeeping = offer;
    const response = await handle(remixRequest(req, res), context as never);
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
    // Only a whole 200 that sets no cookie is kept: an error page or a redirect is made afresh each time.
    const until = response.status === 200 && !response.headers.has("set-cookie") ? offer?.until : undefined;
    const copy: Uint8Array[] | undefined = until !== undefined && Date.now() < until ? [] : undefined;
    if (response.body) await writeBody(response.body, res, copy);
    else res.end();
    if (copy && kept && generation && until !== undefined) {
      kept.keep(key, {
        generation,
        until,
        headers: [...response.headers.entries()],
        pieces: cutAtNonce(Buffer.concat(copy), res.locals.cspNonce as string),
        onVisit: offer?.onVisit,
      });
    }
  };
  // Express 4 ignores what a handler returns, so a failure reaches the error handler through next().
  return (req: Request, res: Response, next: NextFunction) => {
    serve(req, res).catch(next);
  };
}

/** A kept page, with this response's nonce and what the visit must still do (count a view). */
function replay(page: KeptPage, req: Request, res: Response): void {
  page.onVisit?.({ userAgent: req.get("user-agent") ?? "" });
  res.status(200);
  for (const [key, value] of page.headers) res.setHeader(key, value);
  res.end(joinWithNonce(page.pieces, res.locals.cspNonce as string));
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
