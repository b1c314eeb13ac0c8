import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  json,
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { db, enqueue } from "../services.server";
import { refused } from "../components/actions.server";
import { ErrorSummary } from "../components/error-summary";
import { FieldError } from "../components/forms";
import { COLUMNS } from "../vacancies/csv-import/columns";
import { recentImports, startImport } from "../vacancies/csv-import/import.server";
import { MAX_FILE_BYTES, MAX_ROWS } from "../vacancies/csv-import/limits";
import { uploadForm } from "../vacancies/csv-import/upload";
import { requireHr } from "../vacancies/guards.server";
import { formatLondon } from "../vocabulary/london-time";
import { PostingFor } from "../vacancies/components/posting-for";
import { ScrollRegion } from "../components/scroll-region";

export const meta: MetaFunction = () => [{ title: "Import vacancies from a CSV file – Staffroom" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, contexts } = await requireHr(request);
  return json({
    contexts: contexts.map((c) => ({ value: `${c.kind}:${c.id}`, label: c.name })),
    recent: await recentImports(db(), user.id),
  });
}

type FieldErrors = Partial<Record<"file" | "owner", string[]>>;
const refuse = (fieldErrors: FieldErrors, status = 400) => refused({ fieldErrors }, status);

export async function action({ request }: ActionFunctionArgs) {
  const { user, contexts } = await requireHr(request);
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    return refuse({ file: ["Choose a CSV file to upload"] });
  }
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_FILE_BYTES + 64 * 1024) {
    return refuse({ file: ["The file must be at most 2 MB"] }, 413);
  }
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_FILE_BYTES }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return refuse({ file: ["The file must be at most 2 MB"] }, 413);
    return refuse({ file: ["The upload could not be read: choose the file and try again"] });
  }
  const form = await uploadForm(formData, contexts);
  if (!form.ok) return refuse(form.fieldErrors);
  const started = await startImport(db(), enqueue(), user.id, form.owner, form.upload, { publish: form.publish });
  if (!started.ok) return refuse({ file: [started.message] });
  return redirect(`/hr/vacancies/import/${started.id}`);
}

export default function ImportVacancies() {
  const { contexts, recent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: FieldErrors = actionData?.fieldErrors ?? {};
  const summary = [
    ...(errors.owner ?? []).map((message) => ({ message, href: "#owner" })),
    ...(errors.file ?? []).map((message) => ({ message, href: "#file" })),
  ];
  return (
    <div className="form">
      <h1>Import vacancies from a CSV file</h1>
      <p>
        Post many roles at once: one row a vacancy. Every row is checked first; if any row has a problem, nothing is
        imported and you see each problem by row and column. Up to {MAX_ROWS.toLocaleString("en-GB")} vacancies and 2 MB
        a file.
      </p>
      <p>
        <a href="/hr/vacancies/import/template.csv" download>
          Download a template (CSV)
        </a>
      </p>
      <Form method="post" encType="multipart/form-data" className="panel" id="import-form" noValidate>
        <ErrorSummary id="import-errors" items={summary} formId="import-form" focusKey={actionData} />
        <PostingFor contexts={contexts} errors={errors.owner} />
        <div className={`field${errors.file ? " field--error" : ""}`}>
          <label htmlFor="file">CSV file</label>
          <span className="hint" id="file-hint">
            Saved from a spreadsheet as CSV (UTF-8 or Windows), with the columns below in its first row
          </span>
          <FieldError id="file-error" errors={errors.file} />
          <input
            type="file"
            id="file"
            name="file"
            accept=".csv,text/csv"
            required
            aria-invalid={errors.file ? true : undefined}
            aria-describedby={errors.file ? "file-hint file-error" : "file-hint"}
          />
        </div>
        <div className="field choice">
          <input type="checkbox" id="publish" name="publish" aria-describedby="publish-hint" />
          <label htmlFor="publish">Publish the rows that are complete</label>
          <span className="hint" id="publish-hint">
            Rows with the advert, how to apply and a closing date go live (or are scheduled for their publish_at); the
            others stay drafts
          </span>
        </div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Uploading…" : "Upload and check"}
        </button>
      </Form>

      {recent.length > 0 ? (
        <ScrollRegion label={"Your recent imports"}>
          <table>
            <caption>Your recent imports</caption>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Uploaded</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {recent.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/hr/vacancies/import/${r.id}`}>{r.fileName}</Link>
                  </td>
                  <td>{formatLondon(r.createdAt)}</td>
                  <td>
                    {r.status === "done"
                      ? `Imported ${r.importedCount}`
                      : r.status === "failed"
                        ? "Not imported"
                        : "In progress"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}

      <h2>The columns</h2>
      <p>
        Name the columns in the first row, in any order. Columns marked required must be there; leave others out or
        blank. Separate several values in one cell with a semicolon (;). Dates and times are UK time.
      </p>
      <ScrollRegion label={"CSV columns for importing vacancies"}>
        <table>
          <caption>CSV columns for importing vacancies</caption>
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Required</th>
              <th scope="col">What to put in it</th>
              <th scope="col">Example</th>
            </tr>
          </thead>
          <tbody>
            {COLUMNS.map((c) => (
              <tr key={c.name}>
                <td>
                  <code>{c.name}</code>
                </td>
                <td>{c.required ? "Required" : "Optional"}</td>
                <td>{c.help}</td>
                <td>{c.example ? <code>{c.example}</code> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
