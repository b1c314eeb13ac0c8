import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { db } from "../services.server";
import { formatWindows } from "../placements/windows";
import { Input, Select } from "../components/intent-fields";
import { requireCoordinator } from "../placements/guards.server";
import { searchOffers } from "../placements/offers.server";
import {
  keyStageOptions,
  offerSearchSchema,
  placementPhaseOptions,
  traineeSubjectOptions,
} from "../placements/schemas";
import { traineesOf } from "../placements/trainees.server";
import { subjectLabel } from "../vocabulary/subjects";

export const meta: MetaFunction = () => [{ title: "Open placement offers – Staffroom" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { provider } = await requireCoordinator(request, params.slug);
  const url = new URL(request.url);
  const filters = offerSearchSchema.parse(Object.fromEntries(url.searchParams));
  const [result, trainees] = await Promise.all([searchOffers(db(), provider, filters), traineesOf(db(), provider.id)]);
  return json({
    provider,
    filters,
    result,
    trainees: trainees.map((t) => ({ value: t.id, label: t.name })),
    typed: Object.fromEntries(url.searchParams),
  });
}

export default function OfferSearch() {
  const { provider, result, trainees, typed } = useLoaderData<typeof loader>();
  const reply = { intent: "search", message: "", fieldErrors: {}, values: typed };
  return (
    <>
      <p>
        <Link to={`/placements/providers/${provider.slug}`}>All trainees of {provider.name}</Link>
      </p>
      <h1>Open placement offers</h1>
      <Form method="get" className="filters panel" role="search" aria-label="Placement offers">
        <Select
          prefix="search"
          name="subject"
          label="Subject"
          options={traineeSubjectOptions}
          placeholder="Any"
          reply={reply}
        />
        <Select
          prefix="search"
          name="phase"
          label="Phase"
          options={placementPhaseOptions}
          placeholder="Any"
          reply={reply}
        />
        <Select
          prefix="search"
          name="keyStage"
          label="Key stage"
          options={keyStageOptions}
          placeholder="Any"
          reply={reply}
        />
        <Input prefix="search" name="from" label="Available from" type="date" reply={reply} />
        <Input prefix="search" name="to" label="Available until" type="date" reply={reply} />
        <Input prefix="search" name="near" label="Near (postcode, town or local authority)" reply={reply} />
        <Input prefix="search" name="miles" label="Within (miles)" type="number" reply={reply} />
        <button type="submit" className="button">
          Search
        </button>
      </Form>
      <p role="status">
        {result.total} offer{result.total === 1 ? "" : "s"} with places left, {result.placesLeft} place
        {result.placesLeft === 1 ? "" : "s"} in all
        {result.near ? `, nearest ${result.near.label} first (straight-line distances)` : ""}.
        {result.nearNotFound ? " We could not find that place, so distance was not used." : ""}
      </p>
      <ul className="offer-list">
        {result.offers.map((o) => (
          <li key={o.id} className="panel">
            <h2>
              {o.schoolName}
              {o.town ? `, ${o.town}` : ""}
            </h2>
            <p>
              {o.subjects.length > 0 ? o.subjects.map(subjectLabel).join(", ") : o.phase}
              {o.keyStage ? `, ${keyStageOptions.find((k) => k.value === o.keyStage)?.label}` : ""}
              {o.send ? ", SEND" : ""}. {formatWindows(o.windows)}. {o.places - o.taken} of {o.places} places left.
              {o.metres !== null ? ` ${(o.metres / 1609.344).toFixed(1)} miles in a straight line.` : ""}
            </p>
            {o.mentors.length > 0 ? <p>Mentors: {o.mentors.join(", ")}</p> : null}
            {o.agreed ? (
              <Form method="get" action={`/placements/providers/${provider.slug}/trainees/pick`}>
                <input type="hidden" name="offer" value={o.id} />
                <Select
                  prefix={`pick-${o.id.slice(0, 8)}`}
                  name="trainee"
                  label="Book for"
                  options={trainees}
                  placeholder="Choose a trainee"
                />
                <button type="submit" className="button button--secondary">
                  Continue to booking
                </button>
              </Form>
            ) : (
              <p>
                <strong>No agreement with this school for the year yet.</strong>
              </p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
