/**
 * Bank holidays in England (the "england-and-wales" division), copied from GOV.UK's published list.
 * Source: https://www.gov.uk/bank-holidays.json (retrieved 2026-12-02). Covers 2025 to 2027;
 * `covers` says when a count reaches past the list, so a page can say its figure may be high.
 */
export const bankHolidaysSource = {
  url: "https://www.gov.uk/bank-holidays.json",
  division: "england-and-wales",
  retrieved: "2026-12-02",
  from: "2025-01-01",
  to: "2027-12-31",
};

export const bankHolidaysEngland: readonly { date: string; title: string }[] = [
  { date: "2025-01-01", title: "New Year’s Day" },
  { date: "2025-04-18", title: "Good Friday" },
  { date: "2025-04-21", title: "Easter Monday" },
  { date: "2025-05-05", title: "Early May bank holiday" },
  { date: "2025-05-26", title: "Spring bank holiday" },
  { date: "2025-08-25", title: "Summer bank holiday" },
  { date: "2025-12-25", title: "Christmas Day" },
  { date: "2025-12-26", title: "Boxing Day" },
  { date: "2026-01-01", title: "New Year’s Day" },
  { date: "2026-04-03", title: "Good Friday" },
  { date: "2026-04-06", title: "Easter Monday" },
  { date: "2026-05-04", title: "Early May bank holiday" },
  { date: "2026-05-25", title: "Spring bank holiday" },
  { date: "2026-08-31", title: "Summer bank holiday" },
  { date: "2026-12-25", title: "Christmas Day" },
  { date: "2026-12-28", title: "Boxing Day (substitute day)" },
  { date: "2027-01-01", title: "New Year’s Day" },
  { date: "2027-03-26", title: "Good Friday" },
  { date: "2027-03-29", title: "Easter Monday" },
  { date: "2027-05-03", title: "Early May bank holiday" },
  { date: "2027-05-31", title: "Spring bank holiday" },
  { date: "2027-08-30", title: "Summer bank holiday" },
  { date: "2027-12-27", title: "Christmas Day (substitute day)" },
  { date: "2027-12-28", title: "Boxing Day (substitute day)" },
];
