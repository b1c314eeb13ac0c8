import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { currentValue, OPTION_RENAMES } from "../../app/vacancy-search/option-history";
import {
  availableSorts,
  defaultSort,
  describeSearch,
  FILTER_OPTIONS,
  OPTION_FIELDS,
  parseSearchQuery,
  RADII_MILES,
  searchQueryString,
  type OptionField,
} from "../../app/vacancy-search/query";
import everOffered from "./option-values.json";

const parse = (qs: string) => parseSearchQuery(new URLSearchParams(qs));

describe("search query", () => {
  it("reads every part of the URL", () => {
    const { query, errors } = parse(
      "q=maths+teacher&location=M33+6AA&radius=5&phase=secondary&subject=mathematics&minSalary=%C2%A340%2C000&ect=yes&visa=1&trust=mersey-trust&sort=closing&page=3&view=map",
    );
    expect(errors).toEqual({});
    expect(query).toEqual({
      q: "maths teacher",
      location: "M33 6AA",
      radiusMiles: 5,
      filters: {
        phase: "secondary",
        subject: "mathematics",
        minSalary: 40000,
        ect: true,
        visa: true,
        trust: "mersey-trust",
      },
      sort: "closing",
      page: 3,
      view: "map",
    });
  });

  it("ignores unknown parameters and strips control characters", () => {
    const { query, errors } = parse("utm_source=mail&q=%00maths%0A&colour=blue");
    expect(errors).toEqual({});
    expect(query.q).toBe("maths");
  });

  it("refuses inherited property names as option values, for every option field", () => {
    for (const field of OPTION_FIELDS) {
      for (const value of ["__proto__", "toString", "constructor", "hasOwnProperty", "valueOf"]) {
        const parsed = parseSearchQuery(new URLSearchParams({ [field]: value }));
        expect(parsed.errors[field], `${field}=${value}`).toMatch(/is not one of/);
        expect((parsed.query.filters as Record<string, unknown>)[field]).toBeUndefined();
      }
    }
  });

  it("reports each bad value at its field rather than guessing", () => {
    const { errors, query } = parse(
      "radius=2&phase=upper-sixth&minSalary=abc&ect=no&sort=cheapest&page=9999&trust=DROP%20TABLE",
    );
    expect(Object.keys(errors).sort()).toEqual(["ect", "minSalary", "page", "phase", "radiusMiles", "sort", "trust"]);
    expect(query.filters).toEqual({});
  });

  it("writes a canonical string that reads back the same (round trip)", () => {
    const option = (field: OptionField) =>
      fc.option(fc.constantFrom(...Object.keys(FILTER_OPTIONS[field])), { nil: undefined });
    fc.assert(
      fc.property(
        fc.record({
          q: fc.stringMatching(/^([a-z]{1,6}( [a-z]{1,6}){0,2})?$/),
          location: fc.constantFrom("", "M33 6AA", "Sale"),
          radiusMiles: fc.constantFrom(...RADII_MILES),
          phase: option("phase"),
          subject: option("subject"),
          role: option("role"),
          minSalary: fc.option(fc.integer({ min: 0, max: 250_000 }), { nil: undefined }),
          ect: fc.option(fc.constant(true), { nil: undefined }),
          page: fc.integer({ min: 1, max: 500 }),
        }),
        (r) => {
          const filters = Object.fromEntries(
            Object.entries({
              phase: r.phase,
              subject: r.subject,
              role: r.role,
              minSalary: r.minSalary,
              ect: r.ect,
            }).filter(([, v]) => v !== undefined),
          );
          const query = {
            q: r.q,
            location: r.location,
            radiusMiles: r.location ? r.radiusMiles : 10,
            filters,
            sort: null,
            page: r.page,
            view: "list" as const,
          };
          const again = parse(searchQueryString(query));
          expect(again.errors).toEqual({});
          expect(again.query).toEqual(query);
        },
      ),
    );
  });

  it("leaves out defaults, so equal searches have equal URLs", () => {
    expect(searchQueryString(parse("q=maths&radius=10&sort=relevance&page=1").query)).toBe("q=maths");
    expect(searchQueryString(parse("location=M33&radius=10&sort=distance").query)).toBe("location=M33");
    expect(searchQueryString(parse("radius=25").query)).toBe(""); // a distance needs a place
  });

  it("orders by best match with words, nearest with a place, else newest, and offers only orders that apply", () => {
    expect(defaultSort({ q: "maths", location: "M33" })).toBe("relevance");
    expect(defaultSort({ q: "", location: "M33" })).toBe("distance");
    expect(defaultSort({ q: "", location: "" })).toBe("newest");
    expect(availableSorts({ q: "", location: "" })).toEqual(["closing", "newest", "salary"]);
  });

  it("describes a search for an alert's name", () => {
    expect(describeSearch(parse("q=maths&location=M33+6AA&radius=5&phase=secondary&ect=yes").query)).toBe(
      "“maths” within 5 miles of M33 6AA · Phase: Secondary · Suitable for ECTs",
    );
    expect(describeSearch(parse("").query)).toBe("All vacancies");
  });
});

describe("option values over time", () => {
  const renames = {
    subject: [
      { from: "ict", to: "it", since: "2026-01-01", why: "" },
      { from: "it", to: "computing", since: "2026-06-01", why: "" },
    ],
  };

  it("follows a chain of renames to the current value", () => {
    expect(currentValue("subject", "ict", renames)).toEqual({ value: "computing", mapped: true });
    expect(currentValue("subject", "computing", renames)).toEqual({ value: "computing", mapped: false });
  });

  it("reads an old value as its new one in a URL, and says it did", () => {
    const { query, errors, mapped } = parseSearchQuery(new URLSearchParams("subject=ict"), renames);
    expect(errors).toEqual({});
    expect(query.filters.subject).toBe("computing");
    expect(mapped).toEqual([{ field: "subject", from: "ict", to: "computing" }]);
  });

  it("does not loop on a rename cycle", () => {
    const cycle = {
      phase: [
        { from: "a", to: "b", since: "", why: "" },
        { from: "b", to: "a", since: "", why: "" },
      ],
    };
    expect(currentValue("phase", "a", cycle).value).toMatch(/^[ab]$/);
  });

  it("every option value ever offered is still offered or mapped to one that is (add a rename when removing one)", () => {
    for (const [field, values] of Object.entries(everOffered) as [OptionField, string[]][]) {
      for (const value of values) {
        const now = currentValue(field, value, OPTION_RENAMES).value;
        expect(
          now in FILTER_OPTIONS[field],
          `${field}=${value} is neither offered nor renamed in app/vacancy-search/option-history.ts`,
        ).toBe(true);
      }
    }
  });

  it("the record of values ever offered includes today's (add new values to tests/unit/option-values.json)", () => {
    for (const field of OPTION_FIELDS) {
      for (const value of Object.keys(FILTER_OPTIONS[field]))
        expect(everOffered[field], `${field}=${value}`).toContain(value);
    }
  });
});
