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
          <ChangeList changes={h.changes} />
        </li>
      ))}
    </ol>
  );
}

function ChangeList({ changes }: { changes: HistoryEntry["changes"] }) {
  const sentences = Object.entries(changes).flatMap(([field, c]) => {
    const words = changeInWords(field, c);
    return words ? [{ field, words }] : [];
  });
  if (sentences.length === 0) return null;
  return (
    <ul>
      {sentences.map(({ field, words }) => (
        <li key={field}>{words}</li>
      ))}
    </ul>
  );
}
