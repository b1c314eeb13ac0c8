/**
 * The paths under which routes call keepPage: a visit anywhere else is made as before, without reading the pages'
 * generation first (tests/unit/kept-pages.test.ts checks the routes against it).
 */
const KEPT_UNDER: readonly string[] = ["/vacancies", "/api/v1/vacancies"];

/**
 * The signed-in pages whose routes call keepPageForReader (ADR 0043), exactly: pages a reader reloads, whose every
 * read (the root's for a signed-in user included) is of a table the pages' generation watches, or of their session.
 */
const KEPT_FOR_READER: readonly string[] = ["/hr/vacancies"];

/** Whether a page at this path may be kept for visitors who are not signed in. */
export function mayKeep(path: string): boolean {
  return KEPT_UNDER.some((p) => path === p || path.startsWith(`${p}/`));
}

/** Whether a page at this path may be kept for the signed-in reader it was made for. */
export function mayKeepForReader(path: string): boolean {
  return KEPT_FOR_READER.includes(path);
}

/** What a visit to a kept page still does when it is answered from memory (a view counted), with what it needs of it. */
export type Visit = { userAgent: string };

/**
 * The offer the server makes to a page's loaders when the page may be kept: for `visitors` (ADR 0041), a GET from a
 * visitor with no Staffroom cookie; for the `reader` (ADR 0043), a GET of a page listed above from a signed-in session
 * whose only Staffroom cookie is its own. Production only. A loader that accepts says until when the page it renders
 * stays true by time alone (the writes that change it are seen through page_generation), and what a visit must still do.
 */
export type PageKeeping = {
  for: "visitors" | "reader";
  until?: number;
  onVisit?: (visit: Visit) => void;
};

type Context = { pageKeeping?: PageKeeping };

/**
 * Keeps this page for later visitors who are not signed in, until `until` or the next write. The route that calls it
 * answers for the whole page: every loader above it must read only what writes change (the root's does, for a visitor
 * with no cookie). Does nothing when the server made no such offer (a signed-in visitor, a form post, development).
 */
export function keepPage(context: Context, page: { until: Date | number; onVisit?: (visit: Visit) => void }): void {
  const offer = context.pageKeeping;
  if (offer?.for !== "visitors") return;
  offer.until = Math.min(offer.until ?? Infinity, +page.until);
  offer.onVisit = page.onVisit;
}

/**
 * Keeps this signed-in page for the same session's later visits, until `until`, the next write, or a change to the
 * session. Does nothing without the server's offer for a reader.
 */
export function keepPageForReader(context: Context, page: { until: Date | number }): void {
  const offer = context.pageKeeping;
  if (offer?.for !== "reader") return;
  offer.until = Math.min(offer.until ?? Infinity, +page.until);
}
