import { useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";

/** Put on the element that takes focus when the same page is shown with a new query (new results, another page of them). */
export const NAVIGATION_FOCUS = "data-navigation-focus";

/** Where focus goes once a new page (or new results) has rendered; see docs/decisions/0019-error-summary-and-focus.md for the order. */
function focusTarget(main: HTMLElement, hash: string, samePath: boolean): HTMLElement | null {
  const byHash = hash ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
  return (
    main.querySelector<HTMLElement>(".error-summary") ??
    byHash ??
    (samePath ? main.querySelector<HTMLElement>(`[${NAVIGATION_FOCUS}]`) : null) ??
    main.querySelector<HTMLElement>("h1") ??
    main
  );
}

/**
 * A full page load gives a screen reader the new page; a client-side one (Remix's <Link>, GET forms, paging) would
 * leave focus on the link that was followed, or on the body, and say nothing. After each client-side change of page
 * (path or query; a change of fragment alone is an in-page link and left to the browser) focus moves to the error
 * summary, the element the fragment names, the marked results heading (same path, new query), or the h1, and the new title is read
 * out from a polite live region.
 */
export function RouteFocus() {
  const location = useLocation();
  const page = location.pathname + location.search;
  const previous = useRef({ page, pathname: location.pathname });
  const announcer = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (previous.current.page === page) return;
    const samePath = previous.current.pathname === location.pathname;
    previous.current = { page, pathname: location.pathname };
    const main = document.getElementById("main");
    if (!main) return;
    const target = focusTarget(main, location.hash, samePath);
    if (target) {
      if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
      target.focus();
    }
    // Written straight into the live region: a state update here would cost a second render for no gain.
    if (announcer.current) announcer.current.textContent = document.title;
  }, [page, location.pathname, location.hash]);
  return (
    <div
      className="visually-hidden"
      // A live region without the status role: pages have status messages of their own (an import's progress),
      // which tests and assistive technology find by that role.
      aria-live="polite"
      aria-atomic="true"
      id="route-announcer"
      ref={announcer}
    />
  );
}
