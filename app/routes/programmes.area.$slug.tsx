import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "../auth/guards.server";
import { ScrollRegion } from "../components/scroll-region";
import { academicYearLabel } from "../placements/academic-year";
import { areaView } from "../programmes/area.server";
import { db } from "../services.server";
import { ENGAGEMENT_MARKER } from "../vocabulary/programmes";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.area.partnership.name ?? "Partnership"}: ECT programmes across the area – Staffroom` },
];

/** A partnership admin's view of the area's ECT programmes; anyone else, or another partnership, is a 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  const area = await areaView(db(), user.id, params.slug ?? "");
  if (!area) throw notFound();
  return json({ area });
}

export default function AreaView() {
  const { area } = useLoaderData<typeof loader>();
  const schools = [...new Map(area.sending.map((s) => [s.schoolId, s.schoolName])).entries()];
  const count = (schoolId: string, programmeId: string) =>
    area.sending.find((s) => s.schoolId === schoolId && s.programmeId === programmeId)?.ects ?? 0;
  return (
    <>
      <h1>{area.partnership.name}: ECT programmes across the area</h1>
      {area.programmes.length === 0 ? <p>No ECT programme is run in this partnership yet.</p> : null}

      <h2 id="sending">Early career teachers by school and programme</h2>
      {schools.length === 0 ? (
        <p>No early career teachers are enrolled yet.</p>
      ) : (
        <ScrollRegion label="Early career teachers by school and programme">
          <table aria-labelledby="sending">
            <thead>
              <tr>
                <th scope="col">School</th>
                {area.programmes.map((p) => (
                  <th scope="col" key={p.id}>
                    {p.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {schools.map(([id, name]) => (
                <tr key={id}>
                  <th scope="row">{name}</th>
                  {area.programmes.map((p) => (
                    <td key={p.id}>{count(id, p.id)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}

      <h2 id="hosting">Sessions hosted by school</h2>
      <p>
        Sessions not cancelled, held and still to come. {area.onlineSessions} session
        {area.onlineSessions === 1 ? " is" : "s are"} online.
      </p>
      {area.hosting.length === 0 ? (
        <p>No school hosts a session yet.</p>
      ) : (
        <ScrollRegion label="Sessions hosted by school">
          <table aria-labelledby="hosting">
            <thead>
              <tr>
                <th scope="col">Host school</th>
                <th scope="col">Sessions</th>
                <th scope="col">Held</th>
                <th scope="col">To come</th>
              </tr>
            </thead>
            <tbody>
              {area.hosting.map((h) => (
                <tr key={h.schoolId}>
                  <th scope="row">{h.schoolName}</th>
                  <td>{h.sessions}</td>
                  <td>{h.held}</td>
                  <td>{h.upcoming}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}

      <h2 id="engagement">Cohorts&apos; average engagement</h2>
      <p>
        Each ECT&apos;s engagement is the sessions they attended of those they were expected at (excused absences are
        left out); a cohort&apos;s figure is the average over its ECTs with a register taken. Below{" "}
        {ENGAGEMENT_MARKER * 100}% is a prompt for support, never a pass or fail.
      </p>
      {area.cohorts.length === 0 ? (
        <p>No cohorts yet.</p>
      ) : (
        <ScrollRegion label="Cohorts' average engagement">
          <table aria-labelledby="engagement">
            <thead>
              <tr>
                <th scope="col">Cohort</th>
                <th scope="col">Programme</th>
                <th scope="col">Year</th>
                <th scope="col">ECTs</th>
                <th scope="col">Average engagement</th>
                <th scope="col">Below {ENGAGEMENT_MARKER * 100}%</th>
              </tr>
            </thead>
            <tbody>
              {area.cohorts.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.name}</th>
                  <td>{c.programmeName}</td>
                  <td>{academicYearLabel(c.academicYear)}</td>
                  <td>{c.ects}</td>
                  <td>
                    {c.averageEngagement === null
                      ? "No registers yet"
                      : `${c.averageEngagement}% (${c.ectsWithMarks} ECT${c.ectsWithMarks === 1 ? "" : "s"})`}
                  </td>
                  <td>{c.averageEngagement === null ? "–" : c.belowMarker}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
