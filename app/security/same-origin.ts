const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type OriginCheckInput = {
  method: string;
  origin?: string | null;
  secFetchSite?: string | null;
  /** Origins this server answers for, e.g. "https://staffroom.example" and "http://localhost:3000". */
  allowedOrigins: string[];
};

/**
 * Decides whether a request may change anything: every non-GET request must come from our own origin.
 * Browsers send Origin on every POST; Sec-Fetch-Site backs it up. A request carrying neither is refused.
 */
export function isSameOriginWrite(input: OriginCheckInput): boolean {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return true;
  if (input.secFetchSite && input.secFetchSite !== "same-origin" && input.secFetchSite !== "none") return false;
  if (input.origin) return input.origin !== "null" && input.allowedOrigins.includes(input.origin);
  return input.secFetchSite === "same-origin";
}
