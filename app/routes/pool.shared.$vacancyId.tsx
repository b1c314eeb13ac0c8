import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "../auth/guards.server";
import { sharedVacancyForMember } from "../pool/matching/vacancy-share.server";
import { db } from "../services.server";
import { Advert } from "../vacancies/components/advert";
import { formatLondon } from "../vocabulary/london-time";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.vacancy.title ?? "Vacancy"} (shared with the pool first) – Staffroom` },
];

/** A vacancy shared with the member's pool before the public sees it; anyone it is not shared with: 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  const found = await sharedVacancyForMember(db(), user.id, params.vacancyId ?? "");
  if (!found) throw notFound();
  return json(found);
}

export default function SharedVacancy() {
  const { share, vacancy } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/pool/offers">Back to schools interested in you</Link>
      </p>
      <p>
        Shared with the {share.roundName} first. Everyone can see it, and apply, from {formatLondon(share.publicFrom)}.
      </p>
      <Advert vacancy={vacancy} />
    </>
  );
}
