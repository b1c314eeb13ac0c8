// English has two plural forms; Intl.PluralRules says which, so "1 mile" and "1.5 miles" both come out right.
const rules = new Intl.PluralRules("en-GB");

/** "1 vacancy", "2 vacancies", "1,204 vacancies": the count as people write it, with the noun that fits it. */
export function countOf(count: number, one: string, many: string): string {
  return `${count.toLocaleString("en-GB")} ${nounFor(count, one, many)}`;
}

/** The noun alone, for sentences that show the number apart ("<strong>1</strong> vacancy"). */
export function nounFor(count: number, one: string, many: string): string {
  return rules.select(count) === "one" ? one : many;
}
