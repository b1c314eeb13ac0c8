import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { facetKeys, requiredKeys } from "../../search/document";
import { effectiveSort } from "../../search/engine";
import { filterExpressions, sortFor } from "../../search/meilisearch/mapping";
import { buildTsQueries, queryUnits } from "../../search/postgres/tsquery";
import { isFaithSchool, schoolTypesOf } from "../../app/vocabulary/school-types";
import { synonymGroups, synonymMap } from "../../search/synonyms";
import { queryWords, tokenize, typoBudget, typoDistance, withinTypos } from "../../search/text";

describe("words", () => {
  it("splits on anything that is not a letter or digit, lower-cased", () => {
    expect(tokenize("Teacher of D&T (KS3/KS4), Saint-Helens")).toEqual([
      "teacher",
      "of",
      "d",
      "t",
      "ks3",
      "ks4",
      "saint",
      "helens",
    ]);
    expect(tokenize("  ")).toEqual([]);
  });

  it("drops stop words unless nothing else is left", () => {
    expect(queryWords("Head of the Maths department")).toEqual(["head", "maths", "department"]);
    expect(queryWords("of the")).toEqual(["of", "the"]);
  });
});

describe("typos, by Meilisearch's rules", () => {
  it("gives no typo under 5 letters, one from 5, two from 9", () => {
    expect([typoBudget("art"), typoBudget("music"), typoBudget("chemistry"), typoBudget("mathematics")]).toEqual([
      0, 1, 2, 2,
    ]);
  });

  it.each([
    ["mathmatics", "mathematics", true], // a deletion
    ["chemestry", "chemistry", true], // a substitution
    ["physcis", "physics", true], // neighbours swapped: one typo
    ["muzic", "music", true],
    ["musc", "music", false], // four letters: exact only
    ["nusic", "music", false], // the first letter costs two
    ["geogrphy", "geography", true],
    ["hisotyr", "history", false], // two typos in a seven-letter word
  ])("%s matches %s: %s", (query, word, expected) => {
    expect(withinTypos(query, word)).toBe(expected);
  });

  it("distance is zero only for the same word, and symmetric", () => {
    const word = fc.stringMatching(/^[a-z]{1,12}$/);
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(typoDistance(a, b) === 0).toBe(a === b);
        expect(typoDistance(a, b)).toBe(typoDistance(b, a));
      }),
    );
  });

  it("one inserted letter after the first is one typo", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z]{5,12}$/),
        fc.nat(),
        fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz"),
        (word, at, letter) => {
          const i = 1 + (at % word.length);
          const typo = word.slice(0, i) + letter + word.slice(i);
          expect(typoDistance(typo, word)).toBeLessThanOrEqual(1);
          expect(withinTypos(typo, word)).toBe(true);
        },
      ),
    );
  });
});

describe("synonyms", () => {
  it("makes every name in a group find the others", () => {
    const map = synonymMap();
    expect(map.get("maths")).toEqual(expect.arrayContaining(["mathematics", "math", "numeracy"]));
    expect(map.get("mathematics")).toContain("maths");
    expect(map.get("d t")).toContain("design and technology"); // "D&T"
    expect(map.get("ect")).toContain("early career teacher");
  });

  it("has no one-name groups and no empty names", () => {
    for (const group of synonymGroups()) {
      expect(group.length).toBeGreaterThan(1);
      for (const name of group) expect(name.trim()).not.toBe("");
    }
  });
});

describe("tsquery building", () => {
  const map = synonymMap();

  it("expands a synonym phrase, prefixes the last plain word and adds typo alternatives", () => {
    const units = queryUnits(["computer", "science", "teachr"], map);
    expect(units[0]?.alternatives).toContainEqual(["computing"]);
    expect(units[0]?.alternatives).toContainEqual(["computer", "science"]);
    const q = buildTsQueries(units, new Map([["teachr", ["teacher"]]]))!;
    expect(q.full).toContain("('computer' <-> 'science')");
    expect(q.full).toContain("('teachr':* | 'teacher')");
    expect(q.exact).not.toContain("'teacher'");
  });

  it("quotes words so nothing in them is tsquery syntax", () => {
    const q = buildTsQueries(queryUnits(["o'neil"], map), new Map())!;
    expect(q.full).toBe("'o''neil':*");
  });

  it("is null without words", () => {
    expect(buildTsQueries([], new Map())).toBeNull();
  });
});

describe("facet keys and filters", () => {
  it("turns filters into the keys a document must have", () => {
    expect(requiredKeys({ phase: "primary", ect: true, visa: false, minSalary: 30000, trust: "a-trust" })).toEqual([
      "phase:primary",
      "trust:a-trust",
      "ect:true",
    ]);
  });

  it("gives a document one key per value", () => {
    const keys = facetKeys({
      vacancyId: "v",
      title: "t",
      role: "classroom_teacher",
      phases: ["primary", "primary"],
      keyStages: ["ks1"],
      subjects: [],
      contractType: "permanent",
      workingPattern: "full_time",
      payRange: "main",
      salaryMinFte: 1,
      salaryMaxFte: 2,
      hourlyRatePence: null,
      fteThousandths: 1000,
      ectSuitable: true,
      visaSponsorship: false,
      schoolTypes: ["faith"],
      trusts: [],
      trustNames: [],
      ownerName: "o",
      publishedAt: "2026-01-01T00:00:00Z",
      closesAt: "2026-02-01T00:00:00Z",
      aboutRole: "",
      skillsExperience: "",
      schools: [],
    });
    expect(keys).toEqual([
      "role:classroom_teacher",
      "phase:primary",
      "keyStage:ks1",
      "contract:permanent",
      "pattern:full_time",
      "payRange:main",
      "schoolType:faith",
      "ect:true",
    ]);
  });

  it("quotes filter values for Meilisearch", () => {
    const now = new Date("2026-12-01T00:00:00Z");
    expect(filterExpressions({ filters: {}, sort: "newest", page: 1, pageSize: 1, now }, { trust: 'a"b' })).toEqual([
      "closesAt > 1796083200",
      'trust = "a\\"b"',
    ]);
  });
});

describe("sort order", () => {
  it("falls back when relevance has no words or distance no place", () => {
    expect(effectiveSort({ sort: "relevance" })).toBe("newest");
    expect(effectiveSort({ sort: "relevance", geo: { lat: 0, lng: 0, radiusMetres: 1 } })).toBe("distance");
    expect(effectiveSort({ sort: "distance", text: "maths" })).toBe("relevance");
    expect(effectiveSort({ sort: "salary", text: "maths" })).toBe("salary");
    expect(sortFor({ sort: "closing", filters: {}, page: 1, pageSize: 1, now: new Date() })).toEqual([
      "closesAt:asc",
      "vacancyId:asc",
    ]);
  });
});

describe("school types", () => {
  it("reads faith from the religious character", () => {
    expect(isFaithSchool("Roman Catholic")).toBe(true);
    expect(isFaithSchool("Church of England / Anglican")).toBe(true);
    expect(isFaithSchool("Does not apply / not recorded")).toBe(false);
    expect(isFaithSchool("None / inter-denominational")).toBe(false);
    expect(isFaithSchool(null)).toBe(false);
  });

  it("counts a Catholic academy as both", () => {
    expect(schoolTypesOf({ typeGroup: "academy", religiousCharacter: "Roman Catholic" })).toEqual(["academy", "faith"]);
    expect(schoolTypesOf({ typeGroup: "special", religiousCharacter: null })).toEqual(["special"]);
  });
});
