/**
 * The words of a search read as the filters they name ("part time", "maternity cover", "UPS", "ECT"): the search
 * page applies each as a filter, shows it with the others, and offers to remove it (by searching without those
 * words). A filter chosen in the form wins over words for the same field. Pure: shared by the page and job alerts.
 */
import type { SearchFilters } from "../../search/engine";
import { recogniseFilters } from "../../search/analyse";
import { activeFilterLabels, type FilterField, type SearchPageQuery } from "./query";

export type RecognisedFilter = {
  field: FilterField;
  /** "Working pattern: Part time". */
  label: string;
  /** The words that said it, as typed (lower-cased). */
  words: string;
  /** The query's words without these. */
  without: string;
};

export type InterpretedQuery = {
  /** The words left to search for, or undefined when the words were all filters. */
  text: string | undefined;
  filters: SearchFilters;
  recognised: RecognisedFilter[];
};

export function interpretQuery(query: Pick<SearchPageQuery, "q" | "filters">): InterpretedQuery {
  if (!query.q) return { text: undefined, filters: query.filters, recognised: [] };
  const chosen = new Set(
    Object.keys(query.filters).filter((f) => query.filters[f as keyof SearchFilters] !== undefined),
  );
  const { rest, recognised } = recogniseFilters(query.q, chosen);
  if (recognised.length === 0) return { text: query.q, filters: query.filters, recognised: [] };
  const fromWords: SearchFilters = {};
  for (const r of recognised) Object.assign(fromWords, { [r.field]: r.value });
  return {
    text: rest || undefined,
    filters: { ...fromWords, ...query.filters },
    recognised: recognised.map((r) => ({
      field: r.field,
      label: activeFilterLabels({ [r.field]: r.value })[0]?.label ?? r.words,
      words: r.words,
      // Removing one: the other recognised words stay (they are taken, so not recognised again).
      without: recogniseFilters(
        query.q,
        new Set([...chosen, ...recognised.filter((o) => o.field !== r.field).map((o) => o.field)]),
      ).rest,
    })),
  };
}
