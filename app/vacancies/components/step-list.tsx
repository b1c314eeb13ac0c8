import { Link } from "@remix-run/react";
import { STEPS, type StepKey } from "../steps";

/** Where the user is in the flow (aria-current on the step shown); once a draft exists every other step is a link. */
export function StepList({ current, vacancyId }: { current: StepKey | "review"; vacancyId?: string }) {
  return (
    <nav aria-label="Steps">
      <ol className="steps">
        {STEPS.map((s, i) => (
          <li key={s.key} aria-current={s.key === current ? "step" : undefined}>
            {vacancyId && s.key !== current ? (
              <Link to={`/hr/vacancies/${vacancyId}/edit/${s.key}`}>
                {i + 1}. {s.title}
              </Link>
            ) : (
              <span>
                {i + 1}. {s.title}
              </span>
            )}
          </li>
        ))}
        {vacancyId ? (
          <li aria-current={current === "review" ? "step" : undefined}>
            {current === "review" ? (
              <span>{STEPS.length + 1}. Review and publish</span>
            ) : (
              <Link to={`/hr/vacancies/${vacancyId}`}>{STEPS.length + 1}. Review and publish</Link>
            )}
          </li>
        ) : null}
      </ol>
    </nav>
  );
}
