import { ScrollRegion } from "../../components/scroll-region";
import { formatLondon } from "../../vocabulary/london-time";
import { shareStateLabels, type ShareState } from "../../vocabulary/share-confirmations";
import { formatFte } from "../fte";

export type ShareTableRow = {
  schoolId: string;
  schoolName: string;
  employerName: string;
  fteShare: number | null;
  state: ShareState;
  reason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
};

/** The shares at other employers' schools and each one's answer: who answered, when, and why if declined. */
export function SharesTable({ shares }: { shares: ShareTableRow[] }) {
  return (
    <ScrollRegion label="Shares at other employers' schools">
      <table>
        <caption className="visually-hidden">Shares at other employers' schools and their answers</caption>
        <thead>
          <tr>
            <th scope="col">School</th>
            <th scope="col">Employer</th>
            <th scope="col">Share of FTE</th>
            <th scope="col">Answer</th>
          </tr>
        </thead>
        <tbody>
          {shares.map((s) => (
            <tr key={s.schoolId}>
              <td>{s.schoolName}</td>
              <td>{s.employerName}</td>
              <td>{s.fteShare === null ? "Not split" : formatFte(s.fteShare)}</td>
              <td>
                <span className={`share-state share-state--${s.state}`}>{shareStateLabels[s.state]}</span>
                {s.decidedBy && s.decidedAt ? ` by ${s.decidedBy}, ${formatLondon(s.decidedAt)}` : ""}
                {s.state === "declined" && s.reason ? `: “${s.reason}”` : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
