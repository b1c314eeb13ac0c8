import { Link } from "@remix-run/react";
import type { ResultView } from "../result-view";
import type { Suggestion } from "../search.server";

/** One result: what a teacher decides on before opening the advert. */
function Result({ r, from, headingLevel }: { r: ResultView; from: string; headingLevel: 2 | 3 }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <li>
      <H className="result__title">
        <Link to={`/vacancies/${r.id}${from ? `?from=${encodeURIComponent(from)}` : ""}`}>{r.title}</Link>
      </H>
      <ul className="result__schools">
        {r.schools.map((s) => (
          <li key={s.urn}>
            {s.name}
            {s.town ? `, ${s.town}` : ""}
            {s.distance ? <strong>{` · ${s.distance} away`}</strong> : null}
            {s.share ? ` · ${s.share} here` : ""}
          </li>
        ))}
      </ul>
      <p className="small">{r.employedBy}</p>
      <p className="pay-line">
        {r.pay}
        {r.payBadge ? (
          <>
            {" "}
            <span className={`pay-badge pay-badge--${r.payBadge.kind}`}>{r.payBadge.text}</span>
          </>
        ) : null}
      </p>
      {r.actualPay ? <p className="small">{r.actualPay}</p> : null}
      <p className="small">
        {r.contract} · closes <time dateTime={r.closesAt}>{r.closes}</time>
        {r.ect ? (
          <>
            {" "}
            <span className="tag">Suitable for ECTs</span>
          </>
        ) : null}
        {r.visa ? (
          <>
            {" "}
            <span className="tag">Visa sponsorship</span>
          </>
        ) : null}
      </p>
    </li>
  );
}

export function ResultList({
  results,
  from,
  headingLevel = 2,
}: {
  results: ResultView[];
  from: string;
  headingLevel?: 2 | 3;
}) {
  return (
    <ol className="vacancy-list results">
      {results.map((r) => (
        <Result key={r.id} r={r} from={from} headingLevel={headingLevel} />
      ))}
    </ol>
  );
}

/** Ways out of an empty result, each with the number of vacancies it would find. */
export function Suggestions({ suggestions }: { suggestions: Suggestion[] }) {
  if (suggestions.length === 0) return <p>Try other words, a bigger distance or fewer filters.</p>;
  return (
    <>
      <p>You could:</p>
      <ul>
        {suggestions.map((s) => (
          <li key={s.href}>
            <Link to={s.href}>{s.label}</Link> ({s.count.toLocaleString("en-GB")}{" "}
            {s.count === 1 ? "vacancy" : "vacancies"})
          </li>
        ))}
      </ul>
    </>
  );
}
