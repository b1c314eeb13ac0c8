import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { currentUser } from "../auth/guards.server";
import { adminFairs, adminPartnerships, upcomingFairs, type FairSummary } from "../fairs/fairs.server";
import { fairWhen, fairWhere } from "../fairs/text";
import { db } from "../services.server";

export const meta: MetaFunction = () => [{ title: "Recruitment fairs – Staffroom" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const signedIn = await currentUser(request);
  const userId = signedIn?.user.id ?? null;
  const [upcoming, running, partnerships] = await Promise.all([
    upcomingFairs(db(), new Date()),
    userId ? adminFairs(db(), userId) : Promise.resolve([]),
    userId ? adminPartnerships(db(), userId) : Promise.resolve([]),
  ]);
  return json({ upcoming, running, partnerships });
}

function byPartnership(fairs: FairSummary[]) {
  const groups = new Map<string, FairSummary[]>();
  for (const f of fairs) groups.set(f.partnershipName, [...(groups.get(f.partnershipName) ?? []), f]);
  return [...groups];
}

export default function Fairs() {
  const { upcoming, running, partnerships } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Recruitment fairs</h1>
      <p>
        Meet the schools of a partnership on one day, at a host school or online: see the roles they expect to fill,
        register, and book short meetings with the schools you want to talk to.
      </p>
      {upcoming.length === 0 ? <p>No fairs are coming up just now.</p> : null}
      {byPartnership(upcoming).map(([partnership, fairs]) => (
        <section key={partnership} aria-labelledby={`p-${fairs[0]?.partnershipId}`}>
          <h2 id={`p-${fairs[0]?.partnershipId}`}>{partnership}</h2>
          <ul>
            {fairs.map((f) => (
              <li key={f.id}>
                <Link to={`/fairs/${f.id}`}>{f.name}</Link>: {fairWhen(f.startsAt, f.endsAt)}. {fairWhere(f)}.{" "}
                {f.schools} school{f.schools === 1 ? "" : "s"} taking part.
              </li>
            ))}
          </ul>
        </section>
      ))}
      {partnerships.length > 0 ? (
        <>
          <h2>Fairs you run</h2>
          {running.length === 0 ? <p>Your partnership has no fairs yet.</p> : null}
          <ul>
            {running.map((f) => (
              <li key={f.id}>
                <Link to={`/fairs/${f.id}/manage`}>{f.name}</Link> ({f.partnershipName}),{" "}
                {fairWhen(f.startsAt, f.endsAt)}
              </li>
            ))}
          </ul>
          <ul>
            {partnerships.map((p) => (
              <li key={p.value}>
                <Link to={`/fairs/new?partnership=${p.value}`}>Set up a fair for {p.label}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
