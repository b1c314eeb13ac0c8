import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { db } from "../services.server";
import { notFound } from "../auth/guards.server";
import { findImport } from "../vacancies/csv-import/import.server";
import { isFinished, statusText } from "../vacancies/csv-import/progress";
import { requireHr } from "../vacancies/guards.server";
import { ScrollRegion } from "../components/scroll-region";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Importing ${data?.fileName ?? "vacancies"} – Staffroom` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireHr(request);
  const found = await findImport(db(), user.id, params.id ?? "");
  if (!found) throw notFound();
  return json(found, { headers: { "Cache-Control": "private, no-store" } });
}

/** Asks the server again every second while the import runs (with JavaScript; without, the Refresh link and meta refresh). */
function useWhileRunning(running: boolean) {
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, 1000);
    return () => clearInterval(timer);
  }, [running, revalidator]);
}

export default function ImportProgress() {
  const job = useLoaderData<typeof loader>();
  const finished = isFinished(job.status);
  useWhileRunning(!finished);
  return (
    <>
      <h1>Importing {job.fileName}</h1>
      {finished ? null : (
        // Without JavaScript the page reloads itself; with it, noscript content is inert.
        <noscript dangerouslySetInnerHTML={{ __html: '<meta http-equiv="refresh" content="2">' }} />
      )}
      <div className="panel">
        <p role="status" aria-live="polite">
          {statusText(job)}
        </p>
        {finished ? null : (
          <>
            <label htmlFor="import-progress">Rows checked</label>{" "}
            <progress id="import-progress" max={Math.max(1, job.totalRows)} value={job.processedRows}>
              {job.processedRows} of {job.totalRows}
            </progress>{" "}
            <span>
              {job.processedRows} of {job.totalRows}
            </span>
            <p>
              <Link to={`/hr/vacancies/import/${job.id}`} reloadDocument>
                Refresh
              </Link>
            </p>
          </>
        )}
      </div>
      {job.status === "done" ? (
        <>
          <RowNotes caption="Imported as drafts instead of published" notes={job.errors} messageHeading="Why" />
          <p>
            <Link className="button" to="/hr/vacancies">
              See the vacancies
            </Link>
          </p>
        </>
      ) : null}
      {job.status === "failed" ? (
        <>
          <RowNotes caption="Problems to fix" notes={job.errors} messageHeading="Problem" withColumn />
          <p>
            <Link className="button" to="/hr/vacancies/import">
              Upload a corrected file
            </Link>
          </p>
        </>
      ) : null}
    </>
  );
}

type RowNote = { row: number; field?: string | null; message: string };

/** A table of notes by row of the file (and column, for problems); nothing when there are none. */
function RowNotes({
  caption,
  notes,
  messageHeading,
  withColumn = false,
}: {
  caption: string;
  notes: RowNote[];
  messageHeading: string;
  withColumn?: boolean;
}) {
  if (notes.length === 0) return null;
  return (
    <ScrollRegion label={caption}>
      <table>
        <caption>
          {caption} ({notes.length})
        </caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            {withColumn ? <th scope="col">Column</th> : null}
            <th scope="col">{messageHeading}</th>
          </tr>
        </thead>
        <tbody>
          {notes.map((e, i) => (
            <tr key={i}>
              <td>{e.row > 0 ? e.row : "–"}</td>
              {withColumn ? <td>{e.field ? <code>{e.field}</code> : "–"}</td> : null}
              <td>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
