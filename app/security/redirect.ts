/**
 * Where a user may be sent after signing in: a path on this site, never another one.
 *
 * The candidate is resolved the way a browser would resolve a Location header (WHATWG URL parsing strips
 * tabs and line breaks, turns backslashes into slashes and collapses dot segments), and accepted only if
 * it lands on `appOrigin`. What is returned is the resolved, re-serialised path, so the header never
 * carries the raw input: `/%09/evil.example` and `/.//evil.example` cannot become `//evil.example`.
 */
export function sameOriginPath(candidate: string | null | undefined, appOrigin: string, fallback = "/"): string {
  if (!candidate || !candidate.startsWith("/")) return fallback;
  let resolved: URL;
  try {
    resolved = new URL(candidate, appOrigin);
  } catch {
    return fallback;
  }
  if (resolved.origin !== new URL(appOrigin).origin) return fallback;
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  // A path that still starts with two slashes would be read as protocol-relative by the browser.
  if (!path.startsWith("/") || path.startsWith("//")) return fallback;
  return path;
}
