import type { NextFunction, Request, Response } from "express";

/**
 * PostgreSQL cannot store or compare text containing U+0000, so a NUL anywhere in the URL could
 * only ever turn into a database error. Refuse it up front with a 400.
 */
export function rejectNulInUrl(req: Request, res: Response, next: NextFunction) {
  if (/%00/i.test(req.originalUrl) || req.originalUrl.includes("\u0000")) {
    res.status(400).type("text/plain").send("Bad request: the address contains a character that is not allowed.");
    return;
  }
  next();
}
