import { formatLondon } from "../../vocabulary/london-time";
import { actionInWords, changeInWords } from "../history-words";

export type HistoryEntry = {
  id: string;
  action: string;
  /** As it arrives from the loader's JSON: a change's "from" or "to" may be missing. */
  changes: Record<string, { from?: unknown; to?: unknown }>;
  note: string | null;
  at: string;
  who: string | null;
};

/** A vacancy's audit history in words: who did what, when (London time), and each change. */
export function VacancyHistory({ history }: { history: HistoryEntry[] }) {
  return (
    <ol className="history">
      {history.map((h) => (
        <li key={h.id}>
          <strong>{actionInWords(h.action)}</strong> by {h.who ?? "Staffroom (automatic)"}, {formatLondon(h.at)}
          {h.note ? `: ${h.note}` : ""}
          {Object.keys(h.changes).length > 0 ? (
            <ul>
              {Object.entries(h.changes).map(([field, c]) => (
                <li key={field}>{changeInWords(field, c)}</li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
