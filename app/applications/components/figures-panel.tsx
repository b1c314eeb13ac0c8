import type { EqualityTotals } from "../figures.server";

type Figures = {
  views: number;
  sent: number;
  hoursToFirstApplication: number | null;
  hoursToOffer: number | null;
  equality: EqualityTotals | null;
  equalityFloor: number;
};

function duration(hours: number | null): string {
  if (hours === null) return "Not yet";
  if (hours < 48) return `${Math.max(0, Math.round(hours))} hours`;
  return `${Math.round(hours / 24)} days`;
}

/** A vacancy's figures for HR: reach, applications and speed; equality only as totals over the floor. */
export function FiguresPanel({ figures }: { figures: Figures }) {
  return (
    <section aria-labelledby="figures" className="panel">
      <h2 id="figures">Figures</h2>
      <dl className="summary">
        <dt>Views of the advert</dt>
        <dd>{figures.views}</dd>
        <dt>Applications sent</dt>
        <dd>{figures.sent}</dd>
        <dt>From publishing to the first application</dt>
        <dd>{duration(figures.hoursToFirstApplication)}</dd>
        <dt>From publishing to the first offer</dt>
        <dd>{duration(figures.hoursToOffer)}</dd>
      </dl>
      <h3>Equality monitoring</h3>
      {figures.equality === null ? (
        <p>
          Shown once the vacancy has {figures.equalityFloor} applications or more, and then only as totals: fewer could
          point at a person.
        </p>
      ) : (
        figures.equality.map((q) => (
          <table key={q.question}>
            <caption>{q.question}</caption>
            <tbody>
              {q.answers.map((a) => (
                <tr key={a.answer}>
                  <th scope="row">{a.answer}</th>
                  <td>{a.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))
      )}
    </section>
  );
}
