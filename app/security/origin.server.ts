import type { NextFunction, Request, Response } from "express";
import { isSameOriginWrite } from "./same-origin";

export function sameOriginWrites(appUrl: string) {
  const configured = new URL(appUrl).origin;
  return (req: Request, res: Response, next: NextFunction) => {
    const own = `${req.protocol}://${req.get("host")}`;
    const ok = isSameOriginWrite({
      method: req.method,
      origin: req.get("origin"),
      secFetchSite: req.get("sec-fetch-site"),
      allowedOrigins: [configured, own],
    });
    if (ok) return next();
    res.status(403).type("text/plain").send("Forbidden: this request did not come from Staffroom's own pages.");
  };
}
