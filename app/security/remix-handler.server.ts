import { createReadableStreamFromReadable, createRequestHandler, type ServerBuild } from "@remix-run/node";
import type { NextFunction, Request, Response } from "express";
import { hashToken } from "../auth/tokens.server";
import { mayKeep, mayKeepForReader, type PageKeeping } from "../kept-pages/keep";
import {
  cutAtNonce,
  joinWithNonce,
  type KeptPage,
  type KeptPages,
  type ReaderStamp,
} from "../kept-pages/kept-pages.server";
import { writeBody } from "./body-writer.server";
import type { ReadBody } from "./request-body.server";
import { securityLog } from "./security-log.server";

const SESSION_COOKIE = /(?:^|;\s*)(?:__Host-)?staffroom_session=/;
/** Each of Staffroom's cookies (the session, a flash message) a request sends. */
const STAFFROOM_COOKIES = /(?:^|;)\s*(?:__Host-)?staffroom_/g;

/**
 * Remix's Express adapter, except that the body comes from `limitRequestBodies` (already read under its
 * caps), that every response to a signed-in user says `Cache-Control: no-store` (staffrooms share
 * computers, and nothing personal may stay in a browser or proxy cache), and that the chunks of a body ready
 * at once are sent together (writeBody). With `keptPages`, a page a loader offered to keep (keepPage) is kept for
 * later visitors with no Staffroom cookie, and answered from memory while it holds (ADR 0041); a signed-in page
 * offered with keepPageForReader, for the same session's later visits (ADR 0043).
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
    const cookies = req.get("cookie") ?? "";
    const url = `${req.protocol}://${req.get("host") ?? ""}${req.originalUrl}`;
    const keeping = kept && req.method === "GET" ? keepingFor(req.path, cookies) : null;
    // Read before the page is made: a write committing while it is made leaves it under the older stamp.
    const stamp = !keeping
      ? null
      : keeping.for === "visitors"
        ? await kept!.generation().then((generation) => (generation ? { generation, until: Infinity } : null))
        : await kept!.readerStamp(keeping.sessionId);
    const key = keeping?.for === "reader" ? `reader:${keeping.sessionId}:${url}` : url;
    if (stamp) {
      const page = kept!.find(key, stamp.generation, Date.now());
      if (page) return replay(page, req, res);
      // The page another visit is making now under this stamp: waited for, not made twice. It is settled when the page
      // is made, not when its visitor has read it (writeBody does not wait for a slow reader).
      const made = await kept!.beingMade(key, stamp.generation);
      if (made && Date.now() < made.until) return replay(made, req, res);
    }
    const settle = stamp ? kept!.startMaking(key, stamp.generation) : undefined;
    try {
      await make(req, res, { cookies, key, stamp, keeping, settle });
    } finally {
      settle?.(undefined);
    }
  };
  const make = async (
    req: Request,
    res: Response,
    {
      cookies,
      key,
      stamp,
      keeping,
      settle,
    }: {
      cookies: string;
      key: string;
      stamp: ReaderStamp | null;
      keeping: ReturnType<typeof keepingFor>;
      settle?: (page: KeptPage | undefined) => void;
    },
  ) => {
    const context = options.getLoadContext(req, res);
    const offer: PageKeeping | undefined = stamp && keeping ? { for: keeping.for } : undefined;
    if (offer) context.pageKeeping = offer;
    const response = await handle(remixRequest(req, res), context as never);
    const signedIn =
      SESSION_COOKIE.test(cookies) ||
      response.headers.getSetCookie().some((c) => /^(?:__Host-)?staffroom_session=/.test(c));
    if (response.status === 404 && signedIn) {
      // Possibly probing another organisation's records: who (the session's stored id, a hash of the token), where.
      const token = sessionToken(cookies);
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
    const until =
      response.status === 200 && !response.headers.has("set-cookie") && offer?.until !== undefined && stamp
        ? Math.min(offer.until, stamp.until)
        : undefined;
    const copy: Uint8Array[] | undefined = until !== undefined && Date.now() < until ? [] : undefined;
    if (response.body) await writeBody(response.body, res, copy);
    else res.end();
    if (copy && kept && stamp && until !== undefined) {
      const headers = [...response.headers.entries()];
      if (signedIn) headers.push(["cache-control", "no-store"]);
      const page: KeptPage = {
        generation: stamp.generation,
        until,
        headers,
        pieces: cutAtNonce(Buffer.concat(copy), res.locals.cspNonce as string),
        onVisit: offer?.onVisit,
      };
      kept.keep(key, page);
      settle?.(page);
    }
  };
  // Express 4 ignores what a handler returns, so a failure reaches the error handler through next().
  return (req: Request, res: Response, next: NextFunction) => {
    serve(req, res).catch(next);
  };
}

/**
 * Who a page at this path may be kept for: visitors with no Staffroom cookie (ADR 0041), or, on a reader's page, the
 * session whose cookie is the only Staffroom one sent (ADR 0043: a flash message's cookie means a page made afresh).
 */
function keepingFor(path: string, cookies: string): { for: "visitors" } | { for: "reader"; sessionId: string } | null {
  const ours = cookies.match(STAFFROOM_COOKIES) ?? [];
  if (ours.length === 0) return mayKeep(path) ? { for: "visitors" } : null;
  if (ours.length !== 1 || !mayKeepForReader(path)) return null;
  const token = sessionToken(cookies);
  return token ? { for: "reader", sessionId: hashToken(token) } : null;
}

function sessionToken(cookies: string): string {
  return /(?:^|;\s*)(?:__Host-)?staffroom_session=([^;]*)/.exec(cookies)?.[1] ?? "";
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
