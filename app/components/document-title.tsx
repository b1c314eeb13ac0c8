import type { MetaDescriptor } from "@remix-run/node";
import { UNSAFE_RemixContext, useLocation } from "@remix-run/react";
import { useContext } from "react";
import { UNSAFE_DataRouterStateContext } from "react-router-dom";
import { isFailedForm } from "./error-summary";

type MetaArgs = { data: unknown; params: unknown; location: unknown; matches: unknown[]; error: unknown };

/**
 * "Error: <the page's title>" while a form on the page shows the errors of a refused submission (GOV.UK's pattern,
 * WCAG 3.3.1): the title is the first thing a screen reader reads on the page that answers the POST, with or without
 * JavaScript. Remix's meta functions never see action data, so this reads the router's state (action data per route)
 * and the nearest route's meta title, and is rendered before <Meta />: the document's title is its first <title>.
 */
export function ErrorTitle() {
  const state = useContext(UNSAFE_DataRouterStateContext);
  const remix = useContext(UNSAFE_RemixContext);
  const location = useLocation();
  if (!state?.actionData || !Object.values(state.actionData).some(isFailedForm)) return null;
  let title = "Staffroom";
  for (const match of [...state.matches].reverse()) {
    const meta = remix?.routeModules[match.route.id]?.meta;
    if (!meta) continue;
    const args: MetaArgs = {
      data: state.loaderData[match.route.id],
      params: match.params,
      location,
      matches: [],
      error: undefined,
    };
    const descriptors = (typeof meta === "function" ? (meta as (a: MetaArgs) => MetaDescriptor[])(args) : meta) ?? [];
    const found = descriptors.find((d): d is { title: string } => "title" in d);
    if (found) {
      title = String(found.title);
      break;
    }
  }
  return <title>{`Error: ${title}`}</title>;
}
