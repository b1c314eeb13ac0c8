import { Form } from "@remix-run/react";

/**
 * Save (or stop saving) a job, on its public page: a plain form, so it works without JavaScript. Someone signed out
 * who presses it is sent to sign in and brought back to the job.
 */
export function SaveVacancy({ saved }: { saved: boolean }) {
  return (
    <Form method="post" className="save-vacancy">
      <input type="hidden" name="intent" value={saved ? "unsave" : "save"} />
      {saved ? (
        <p>You have saved this job. We will remind you the day before it closes if you have not applied.</p>
      ) : null}
      <button type="submit" className="button button--secondary">
        {saved ? "Remove from saved jobs" : "Save this job"}
      </button>
    </Form>
  );
}
