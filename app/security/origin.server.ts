import type { NextFunction, Request, Response } from "express";
import { isSameOriginWrite } from "./same-origin";
import { securityLog } from "./security-log.server";

/**
 * Paths whose writes are authorised by a secret rather than a session cookie, so a forged cross-site request gains
 * nothing: the one-click unsubscribe, which mail programs POST to (RFC 8058), with a token in its URL; the mail
 * provider's webhook, with a signature over its body (ADR 0023).
 */
const TOKEN_PATHS = [/^\/alerts\/unsubscribe\/[^/]+$/, /^\/webhooks\/resend$/];

export function sameOriginWrites(appUrl: string) {
  const configured = new URL(appUrl).origin;
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === "POST" && TOKEN_PATHS.some((p) => p.test(req.path))) return next();
    const own = `${req.protocol}://${req.get("host")}`;
    const ok = isSameOriginWrite({
      method: req.method,
      origin: req.get("origin"),
      secFetchSite: req.get("sec-fetch-site"),
      allowedOrigins: [configured, own],
    });
    if (ok) return next();
    securityLog("cross-origin.refused", {
      ip: req.ip,
      method: req.method,
      path: req.path,
      origin: req.get("origin") ?? null,
      secFetchSite: req.get("sec-fetch-site") ?? null,
    });
    res.status(403).type("text/plain").send("Forbidden: this request did not come from Staffroom's own pages.");
  };
}
