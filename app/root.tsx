import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import "./load-context";
import { readSession } from "./auth/session.server";
import { readFlash } from "./components/flash.server";
import { FlashMessage } from "./components/flash-message";
import { ErrorTitle } from "./components/document-title";
import { errorPageTitle, PageErrorBoundary } from "./components/error-boundary";
import { RouteFocus } from "./components/route-focus";
import { SiteHeader, navigationFor } from "./components/site-header";
import { programmeParts } from "./programmes/ects.server";
import { useNonce } from "./components/nonce";
import { db } from "./services.server";
import { listMemberships } from "./memberships/queries.server";
import { devMailboxOpen } from "./mailbox/queries.server";
import { addressProblem } from "./deliverability/undeliverable.server";
import { UndeliverableBanner } from "./deliverability/components/undeliverable-banner";
import { formatLondonDate } from "./vocabulary/london-time";
import stylesHref from "./styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.ico" },
];

// Only an error page reaches the root's meta (every route has its own): it is titled after the error.
export const meta: MetaFunction = ({ error }) => [{ title: error ? errorPageTitle(error) : "Staffroom" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const [{ signedIn, setCookie: sessionCookie }, { flash, setCookie: flashCookie }] = await Promise.all([
    readSession(request),
    readFlash(request),
  ]);
  const [memberships, problem, parts] = signedIn
    ? await Promise.all([
        listMemberships(db(), signedIn.user.id),
        addressProblem(db(), signedIn.user.email),
        programmeParts(db(), signedIn.user.id),
      ])
    : [[], null, { ect: false, facilitator: false }];
  const headers = new Headers();
  if (sessionCookie) headers.append("Set-Cookie", sessionCookie);
  if (flashCookie) headers.append("Set-Cookie", flashCookie);
  return json(
    {
      user: signedIn
        ? {
            id: signedIn.user.id,
            name: signedIn.user.name,
            email: signedIn.user.email,
            verified: !!signedIn.user.emailVerifiedAt,
          }
        : null,
      nav: navigationFor(memberships, Boolean(signedIn), parts),
      flash,
      undeliverable:
        signedIn && problem
          ? { email: signedIn.user.email, reason: problem.reason, reportedOn: formatLondonDate(problem.reportedAt) }
          : null,
      devMailbox: devMailboxOpen(context),
    },
    { headers },
  );
}

// The root carries the session's user and the one-time flash message: reload it on every navigation,
// or a message would linger on the next page and a sign-out would not show.
export const shouldRevalidate = () => true;

// Only the root sets headers on documents: it carries the flash and session cookies.
export const headers: HeadersFunction = ({ loaderHeaders, actionHeaders }) => {
  const out = new Headers();
  for (const h of [actionHeaders, loaderHeaders]) for (const c of h.getSetCookie()) out.append("Set-Cookie", c);
  return out;
};

export type RootData = ReturnType<typeof useLoaderData<typeof loader>>;
export const useRootData = () => useRouteLoaderData<typeof loader>("root");

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>("root");
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <ErrorTitle />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        <SiteHeader user={data?.user ?? null} nav={data?.nav ?? []} devMailbox={data?.devMailbox ?? false} />
        <main id="main" className="container" tabIndex={-1}>
          {data?.flash ? <FlashMessage flash={data.flash} /> : null}
          {data?.undeliverable ? <UndeliverableBanner notice={data.undeliverable} /> : null}
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">
            <p>Staffroom: the schools of an area recruiting together.</p>
            <p className="small">
              School data: contains public sector information licensed under the Open Government Licence v3.0. Postcode
              data: contains OS data © Crown copyright and database right 2025; Royal Mail data © Royal Mail copyright
              and database right 2025; National Statistics data © Crown copyright and database right 2025.
            </p>
          </div>
        </footer>
        <RouteFocus />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <PageErrorBoundary />;
}
