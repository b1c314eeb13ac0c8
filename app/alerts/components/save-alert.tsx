import { Form, Link } from "@remix-run/react";

/** Under the results: save this search as a daily or weekly e-mail, or sign in to. */
export function SaveAlert({ signedIn, search, summary }: { signedIn: boolean; search: string; summary: string }) {
  const back = `/vacancies${search ? `?${search}` : ""}`;
  return (
    <section className="panel save-alert" aria-labelledby="save-alert-title">
      <h2 id="save-alert-title">Get new vacancies like these by e-mail</h2>
      <p>
        Your search: <strong>{summary}</strong>
      </p>
      {signedIn ? (
        <Form method="post" action="/alerts">
          <input type="hidden" name="search" value={search} />
          <fieldset className="field choices choices--inline">
            <legend>How often?</legend>
            <div className="choice">
              <input type="radio" id="frequency-daily" name="frequency" value="daily" defaultChecked />
              <label htmlFor="frequency-daily">Every day</label>
            </div>
            <div className="choice">
              <input type="radio" id="frequency-weekly" name="frequency" value="weekly" />
              <label htmlFor="frequency-weekly">Every week</label>
            </div>
          </fieldset>
          <button type="submit" className="button">
            Save this search as an alert
          </button>
        </Form>
      ) : (
        <p>
          <Link to={`/sign-in?redirectTo=${encodeURIComponent(back)}`}>Sign in to save this search as an alert</Link>,
          or <Link to="/sign-up">create an account</Link>.
        </p>
      )}
    </section>
  );
}
