/**
 * The paths under which routes call keepPage: a visit anywhere else is made as before, without reading the pages'
 * generation first (tests/unit/kept-pages.test.ts checks the routes against it).
 */
const KEPT_UNDER: readonly string[] = ["/vacancies", "/api/v1/vacancies"];

/** Whether a page at this path may be kept. */
export function mayKeep(path: string): boolean {
  return KEPT_UNDER.some((p) => path === p || path.startsWith(`${p}/`));
}

/** What a visit to a kept page still does when it is answered from memory (a view counted), with what it needs of it. */
export type Visit = { userAgent: string };

/**
 * The offer the server makes to a page's loaders when the page may be kept (ADR 0041): a GET from a visitor with no
 * Staffroom cookie, in production. A loader that accepts says until when the page it renders stays true by time
 * alone (the writes that change it are seen through page_generation), and what a visit must still do.
 */
export type PageKeeping = {
  until?: number;
  onVisit?: (visit: Visit) => void;
};

/**
 * Keeps this page for later visitors who are not signed in, until `until` or the next write. The route that calls it
 * answers for the whole page: every loader above it must read only what writes change (the root's does, for a visitor
 * with no cookie). Does nothing when the server made no offer (a signed-in visitor, a form post, development).
 */
export function keepPage(
  context: { pageKeeping?: PageKeeping },
  page: { until: Date | number; onVisit?: (visit: Visit) => void },
): void {
  const offer = context.pageKeeping;
  if (!offer) return;
  offer.until = Math.min(offer.until ?? Infinity, +page.until);
  offer.onVisit = page.onVisit;
}
