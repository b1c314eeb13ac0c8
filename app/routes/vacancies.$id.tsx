import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "../forms/zod";
import { db, services } from "../services.server";
import { isbot } from "isbot";
import { currentUser, notFound, requireUser } from "../auth/guards.server";
import { ApplyPanel } from "../applications/components/apply-panel";
import { applicationFor } from "../applications/figures.server";
import { SaveVacancy } from "../applications/components/save-vacancy";
import { savedFromForm } from "../applications/saved-actions.server";
import { isSaved } from "../applications/saved-vacancies.server";
import { distanceMetres, formatMiles } from "../vocabulary/distance";
import { resolvePlace } from "../places/lookup.server";
import { Advert } from "../vacancies/components/advert";
import { jobPosting, ldJson } from "../vacancies/json-ld";
import { closeReasonLabels } from "../vacancies/lifecycle";
import { findPublicVacancy, publicPageUntil } from "../vacancies/public.server";
import { keepPage } from "../kept-pages/keep";
import { publicPayBadge } from "../pay/public.server";
import { countdown } from "../vacancies/view";
import { employedByText } from "../vacancies/shares";
import { useNonce } from "../components/nonce";
import { SchoolMap } from "../components/school-map";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.vacancy.title} – ${data.vacancy.schools.map((s) => s.name).join(", ")} – Staffroom` },
        { name: "description", content: `${data.vacancy.title}. ${data.vacancy.aboutRole.slice(0, 150)}` },
        ...(data.vacancy.isOpen ? [] : [{ name: "robots", content: "noindex" }]),
      ]
    : [{ title: "Vacancy not found – Staffroom" }];

const query = z.object({ from: z.string().trim().max(100).optional().catch(undefined) });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const now = new Date();
  const vacancy = await findPublicVacancy(db(), params.id ?? "", now);
  if (!vacancy) throw notFound();
  const { from } = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  const signedIn = await currentUser(request);
  // Views are counted for HR's figures; crawlers are not readers. A visit answered from a kept page counts too.
  const countView = ({ userAgent }: { userAgent: string }) => {
    if (vacancy.isOpen && !isbot(userAgent)) services().views.count(vacancy.id);
  };
  countView({ userAgent: request.headers.get("user-agent") ?? "" });
  if (!signedIn) keepPage(context, { until: publicPageUntil(vacancy, now), onVisit: countView });
  const mine =
    signedIn && vacancy.applyMethod === "staffroom" ? await applicationFor(db(), signedIn.user.id, vacancy.id) : null;
  const place = from ? await resolvePlace(db(), from) : null;
  const distances = place
    ? Object.fromEntries(
        vacancy.schools
          .filter((s) => s.lat !== null && s.lng !== null)
          .map((s) => [s.schoolId, formatMiles(distanceMetres(place, { lat: s.lat!, lng: s.lng! }))]),
      )
    : {};
  return json({
    vacancy,
    saved: signedIn ? await isSaved(db(), signedIn.user.id, vacancy.id) : false,
    payBadge: await publicPayBadge(db(), vacancy.id),
    jsonLd: vacancy.isOpen ? ldJson(jobPosting(vacancy, services().config.appUrl)) : null,
    countdown: countdown(vacancy.closesAt, now),
    from: from ?? "",
    place: place ? place.label : null,
    placeNotFound: !!from && !place,
    distances,
    here: place ? { lat: place.lat, lng: place.lng, label: place.label } : null,
    signedIn: signedIn !== null,
    mine,
  });
}

/** Saving the job for later: signed-in teachers only (requireUser sends anyone else to sign in, then back here). */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  return savedFromForm(request, await request.formData(), user.id, params.id ?? "");
}

export default function PublicVacancy() {
  const { saved, vacancy, jsonLd, countdown, from, place, placeNotFound, distances, here, payBadge, signedIn, mine } =
    useLoaderData<typeof loader>();
  const located = vacancy.schools.filter((s) => s.lat !== null && s.lng !== null);
  const nonce = useNonce();
  return (
    <>
      {jsonLd ? (
        <script
          type="application/ld+json"
          nonce={nonce}
          // Browsers hide a nonce from the DOM once applied, so the client sees none: not a real mismatch.
          suppressHydrationWarning
          dangerouslySetInnerHTML={{ __html: jsonLd }}
        />
      ) : null}
      {!vacancy.isOpen ? (
        <div className="flash flash--error" role="status">
          <strong>This vacancy has closed.</strong>{" "}
          {vacancy.closedReason ? closeReasonLabels[vacancy.closedReason] : "Applications are no longer accepted"}. The
          advert stays here for reference.
        </div>
      ) : null}
      <Advert
        vacancy={vacancy}
        countdown={vacancy.isOpen ? countdown : null}
        payBadge={payBadge}
        employedBy={employedByText(vacancy.employer.name || vacancy.ownerName, vacancy.employer.sharedWith)}
        applySlot={<ApplyPanel vacancyId={vacancy.id} isOpen={vacancy.isOpen} signedIn={signedIn} mine={mine} />}
      />
      {vacancy.isOpen ? <SaveVacancy saved={saved} /> : null}
      {located.length > 0 ? (
        <SchoolMap
          title={`Map of the ${located.length === 1 ? "school" : `${located.length} schools`} for this vacancy${here ? ` and ${here.label}` : ""}`}
          points={[
            ...located.map((s) => ({ id: s.schoolId, label: s.name, lat: s.lat!, lng: s.lng! })),
            ...(here ? [{ id: "here", label: here.label, lat: here.lat, lng: here.lng, highlight: true }] : []),
          ]}
        />
      ) : null}
      <h2>How far is it?</h2>
      <Form method="get" className="filters">
        <div className={`field${placeNotFound ? " field--error" : ""}`}>
          <label htmlFor="from">Your postcode or town</label>
          {placeNotFound ? (
            <span className="field-error" id="from-error">
              We could not find “{from}”. Try a full postcode like M33 6AA, or a town.
            </span>
          ) : null}
          <input
            id="from"
            name="from"
            type="text"
            defaultValue={from}
            aria-describedby={placeNotFound ? "from-error" : undefined}
          />
        </div>
        <button type="submit" className="button button--secondary">
          Show distances
        </button>
      </Form>
      {place ? (
        <ul>
          {vacancy.schools.map((s) => (
            <li key={s.schoolId}>
              {s.name}: {distances[s.schoolId] ?? "location unknown"} from {place}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
