import type { NextFunction, Request, Response } from "express";

/** How much one request body may hold: bytes on the wire and form fields (repeated names count each time). */
export type BodyLimit = { maxBytes: number; maxFields: number };

export type BodyRule = BodyLimit & {
  path: RegExp;
  /** Content types this path accepts; form routes accept only the two an HTML form sends. */
  contentTypes?: readonly string[];
};

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"] as const;

/**
 * The global default is generous for any form Staffroom has (the vacancy steps' longest text is 2,000
 * characters and at most 50 schools) and far below what makes parsing costly. Sign-in and the other
 * account forms have a handful of short fields.
 */
const DEFAULT_BODY_LIMIT: BodyLimit = { maxBytes: 64 * 1024, maxFields: 300 };
const ACCOUNT_FORM: BodyLimit = { maxBytes: 8 * 1024, maxFields: 20 };

const BODY_RULES: BodyRule[] = [
  {
    path: /^\/(sign-in|sign-in\/two-factor|sign-up|sign-out|forgot-password|reset-password|verify-email|account|account\/two-factor)$/,
    ...ACCOUNT_FORM,
  },
  // The mail provider's event notifications: JSON of a few kilobytes (ADR 0023).
  { path: /^\/webhooks\/resend$/, maxBytes: 64 * 1024, maxFields: 0, contentTypes: ["application/json"] },
  // A CSV upload: the 2 MB file (MAX_FILE_BYTES) plus the multipart framing and a few small fields.
  { path: /^\/hr\/vacancies\/import$/, maxBytes: 2 * 1024 * 1024 + 64 * 1024, maxFields: 20 },
];

const BODYLESS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The largest announced body over its cap that is read and discarded (so the client sees the 413) before refusing. */
const DRAIN_LIMIT_BYTES = 8 * 1024 * 1024;

export type ReadBody = { body: Buffer };

function ruleFor(path: string, rules: BodyRule[]): BodyRule {
  return rules.find((r) => r.path.test(path)) ?? { path: /.*/, ...DEFAULT_BODY_LIMIT };
}

/** Counts form fields without parsing: separators in a urlencoded body, boundaries in a multipart one. */
function countFields(body: Buffer, contentType: string): number {
  if (body.length === 0) return 0;
  let separator: Buffer;
  let offset = 0;
  if (contentType.toLowerCase().startsWith("multipart/form-data")) {
    const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
    if (!boundary) return Infinity;
    separator = Buffer.from(`--${boundary}`);
    offset = -1; // the closing delimiter is not a field
  } else {
    separator = Buffer.from("&");
    offset = 1;
  }
  let count = offset;
  for (let at = body.indexOf(separator); at !== -1; at = body.indexOf(separator, at + separator.length)) count++;
  return count;
}

function refuse(res: Response, status: number, message: string) {
  // The rest of the body is not read: close the connection rather than parse it as a next request.
  res.status(status).set("Connection", "close").type("text/plain").send(message);
}

/**
 * Reads a request body into memory under a byte cap and a field cap, before anything parses it, so that a
 * hostile body costs no more than reading its bytes once. Over a cap: 413 with a plain message. A body in a
 * type the route does not take (JSON or text on a form route): 415. A multipart body that cannot be parsed:
 * 400. The body read here is handed to Remix by `remixHandler` (res.locals.body).
 */
export function limitRequestBodies(rules: BodyRule[] = BODY_RULES) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (BODYLESS.has(req.method)) return next();
    const rule = ruleFor(req.path, rules);
    const declared = Number(req.get("content-length") ?? NaN);
    const tooLarge = `Request too large: Staffroom accepts at most ${Math.round(rule.maxBytes / 1024)} KB and ${rule.maxFields} fields on this page.`;
    if (declared > rule.maxBytes) {
      // Closing while the client still sends makes it fail with EPIPE before it can read the 413. A body of a
      // few megabytes is read and thrown away first (reading bytes costs little); anything larger is cut off.
      if (declared > DRAIN_LIMIT_BYTES) return refuse(res, 413, tooLarge);
      req.on("end", () => refuse(res, 413, tooLarge));
      req.resume();
      return;
    }
    // The media type compares case-insensitively, but a multipart boundary is case-sensitive (Chromium's has capitals):
    // keep the header as sent for parsing and counting, and compare the lower-cased copy.
    const rawContentType = req.get("content-type") ?? "";
    const contentType = rawContentType.toLowerCase();
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on("data", (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > rule.maxBytes) {
        refused = true;
        req.pause();
        return refuse(res, 413, tooLarge);
      }
      chunks.push(chunk);
    });
    req.on("error", (error) => {
      if (!refused) next(error);
      refused = true;
    });
    req.on("end", () => {
      if (refused) return;
      const body = Buffer.concat(chunks, size);
      if (body.length > 0) {
        const accepted = rule.contentTypes ?? FORM_TYPES;
        if (!accepted.some((t) => contentType.startsWith(t))) {
          return refuse(res, 415, `Unsupported content type: this page accepts ${accepted.join(" or ")}.`);
        }
        if (FORM_TYPES.some((t) => contentType.startsWith(t)) && countFields(body, rawContentType) > rule.maxFields) {
          return refuse(res, 413, tooLarge);
        }
      }
      (res.locals as ReadBody).body = body;
      if (!contentType.startsWith("multipart/form-data")) return next();
      // Malformed multipart would otherwise make the route's formData() throw: a 500. Parse it once here
      // (the body is already capped) and answer 400.
      new globalThis.Response(body, { headers: { "Content-Type": rawContentType } })
        .formData()
        .then(() => next())
        .catch(() => refuse(res, 400, "Bad request: the form data could not be read. Send the form again."));
    });
  };
}
