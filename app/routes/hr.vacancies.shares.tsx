import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { db } from "../services.server";
import { ScrollRegion } from "../components/scroll-region";
import { countOf } from "../text/plural";
import { StatusTag } from "../vacancies/components/status-tag";
import { formatFte } from "../vacancies/fte";
import { requireHr } from "../vacancies/guards.server";
import { sharesForUser } from "../vacancies/shares.server";
import { formatLondon } from "../vocabulary/london-time";
import { shareStateLabels } from "../vocabulary/share-confirmations";

export const meta: MetaFunction = () => [{ title: "Roles shared with your schools – Staffroom" }];

/** Shares of other employers' roles at the schools this HR user answers for (docs/decisions/0022). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireHr(request);
  const shares = await sharesForUser(db(), user.id);
  return json({
    waiting: shares.filter((s) => s.state === "awaiting" && s.status === "draft"),
    others: shares.filter((s) => !(s.state === "awaiting" && s.status === "draft")),
  });
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["waiting"][number];

function ShareList({ rows, caption, answered }: { rows: Row[]; caption: string; answered: boolean }) {
  return (
    <ScrollRegion label={caption}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Role</th>
            <th scope="col">Employer</th>
            <th scope="col">Your school's share</th>
            <th scope="col">{answered ? "Your answer" : "Asked"}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={`${s.vacancyId}:${s.schoolName}`}>
              <td>
                <Link to={`/hr/vacancies/${s.vacancyId}/share`}>{s.title}</Link>
                {answered ? (
                  <>
                    {" "}
                    <StatusTag status={s.status as Parameters<typeof StatusTag>[0]["status"]} />
                  </>
                ) : null}
              </td>
              <td>{s.employer}</td>
              <td>
                {s.schoolName}
                {s.fteShare === null ? "" : `, ${formatFte(s.fteShare)} FTE`}
              </td>
              <td>{answered ? shareStateLabels[s.state] : formatLondon(s.requestedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export default function SharesWithMySchools() {
  const { waiting, others } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/hr/vacancies">Vacancies</Link>
      </p>
      <h1>Roles shared with your schools</h1>
      <p>
        Another employer in your partnership can post a role shared with one of your schools. They employ the person
        appointed and set the pay; you confirm or decline your school's share before they can publish it.
      </p>
      <h2>Waiting for your answer</h2>
      {waiting.length === 0 ? (
        <p>No shares are waiting for your answer.</p>
      ) : (
        <>
          <p>{countOf(waiting.length, "share is", "shares are")} waiting for your answer.</p>
          <ShareList rows={waiting} caption="Shares waiting for your answer" answered={false} />
        </>
      )}
      {others.length > 0 ? (
        <>
          <h2>Answered, and roles already published</h2>
          <ShareList rows={others} caption="Shares answered or settled" answered />
        </>
      ) : null}
    </>
  );
}
