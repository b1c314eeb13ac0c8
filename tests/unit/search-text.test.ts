import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { facetKeys, requiredKeys } from "../../search/document";
import { effectiveSort } from "../../search/engine";
import { filterExpressions, sortFor } from "../../search/meilisearch/mapping";
import { buildTsQueries } from "../../search/postgres/tsquery";
import { analyseQuery, recogniseFilters } from "../../search/analyse";
import { broaderConcepts, conceptToken, headingToken } from "../../search/lexicon";
import { indexDocument, titleConcepts } from "../../search/tags";
import type { DocumentSchool, VacancyDocument } from "../../search/document";
import { isFaithSchool, schoolTypesOf } from "../../app/vocabulary/school-types";
import { normalise, queryWords, tokenize, typoBudget, typoDistance, withinTypos } from "../../search/text";

const SCHOOL: DocumentSchool = {
  schoolId: "s",
  urn: 1,
  name: "A School",
  town: "Sale",
  postcode: null,
  laName: "Trafford",
  lat: null,
  lng: null,
  fteShare: null,
};
const DOCUMENT: VacancyDocument = {
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
};

describe("words", () => {
  it("splits on anything that is not a letter or digit, lower-cased and singular", () => {
    expect(tokenize("Teachers of D&T (KS3/KS4), Saint-Helens")).toEqual([
      "teacher",
      "of",
      "d",
      "t",
      "ks3",
      "ks4",
      "saint",
      "helen",
    ]);
    expect(tokenize("physics classes studies ECTs")).toEqual(["physics", "class", "study", "ect"]);
    expect(tokenize("  ")).toEqual([]);
  });

  it('undoes contractions and dotted abbreviations, so "we\'re" leaves no "re"', () => {
    expect(normalise("We're a school's R.E. & p.e. team")).toBe("we a school re & pe team");
    expect(tokenize("don't")).toEqual(["don"]);
  });

  it("drops stop words and job-board filler unless nothing else is left", () => {
    expect(queryWords("Head of the Maths department")).toEqual(["head", "math", "department"]);
    expect(queryWords("maths jobs")).toEqual(["math"]);
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

describe("synonyms and concepts", () => {
  const concepts = (q: string) =>
    analyseQuery(q).units.map((u) => (u.kind === "concept" ? u.concepts.join("|") : `word:${u.word}`));

  it("reads every name of a concept as that concept, plurals and dotted abbreviations included", () => {
    expect(concepts("maths")).toEqual(["subject:mathematics"]);
    expect(concepts("Mathematics")).toEqual(["subject:mathematics"]);
    expect(concepts("D&T")).toEqual(["subject:design_technology"]);
    expect(concepts("R.E.")).toEqual(["subject:religious_education"]);
    expect(concepts("ECTs")).toEqual(["ect"]);
    expect(concepts("TAs")).toEqual(["role:teaching_assistant"]);
    expect(concepts("primary teachers")).toEqual(["phase:primary", "teacher"]);
    expect(concepts("AHT")).toEqual(["role:assistant_head"]);
    expect(concepts("GCSE")).toEqual(["keystage:ks4"]);
    expect(tokenize("Maths Leader")).toEqual(tokenize("Maths Lead"));
  });

  it("reads key stages however they are written, and never as a bare number", () => {
    for (const q of ["KS2", "KS 2", "key stage 2", "Key Stage Two"]) expect(concepts(q)).toEqual(["keystage:ks2"]);
    expect(concepts("UKS2")).toEqual(["upper-ks2"]);
    expect(concepts("year 6 teacher")).toEqual(["year:6", "teacher"]);
  });

  it("drops job-board filler, keeps the small words a name needs, and joins concepts with or", () => {
    expect(concepts("maths jobs")).toEqual(["subject:mathematics"]);
    expect(concepts("head of year")).toEqual(["head-of-year"]);
    expect(concepts("maths or science")).toEqual(["subject:mathematics|subject:science"]);
  });

  it("does not read 'head' before 'of' as a headteacher", () => {
    expect(concepts("head of maths")).toEqual(["word:head", "subject:mathematics"]);
    expect(titleConcepts(tokenize("Deputy Head of Sixth Form"))).toEqual(["head-of-sixth-form"]);
    expect(titleConcepts(tokenize("Head of Science"))).toEqual(["subject:science", "role:head_of_department"]);
  });

  it("forgives a typo in a concept's one-word name", () => {
    expect(concepts("chemestry")).toEqual(["subject:chemistry"]);
  });

  it("makes short words, numbers and role nouns heading-only, and only a long last word a prefix", () => {
    const units = analyseQuery("EAL 9 manager musi").units;
    expect(units.map((u) => (u.kind === "word" ? [u.word, u.headingOnly, u.prefix] : u.kind))).toEqual([
      "concept",
      ["9", true, false],
      ["manager", true, false],
      ["musi", false, true],
    ]);
  });

  it("expands one way only: science finds biology posts, biology does not find science posts", () => {
    expect(broaderConcepts("subject:biology")).toContain("subject:science");
    expect(broaderConcepts("subject:science")).not.toContain("subject:biology");
    expect(broaderConcepts("subject:mfl")).toEqual(expect.arrayContaining(["subject:french", "subject:spanish"]));
  });

  it("makes tokens no tokenizer splits and no word meets", () => {
    for (const token of [conceptToken("keystage:ks2"), headingToken("re"), conceptToken("subject:religious_education")])
      expect(token).toMatch(/^z[ch][a-z]+$/);
  });

  it("recognises the words of filters, leaving the rest", () => {
    expect(recogniseFilters("Part time maths teachers")).toEqual({
      rest: "maths teachers",
      recognised: [{ field: "pattern", value: "part_time", words: "part time" }],
    });
    expect(recogniseFilters("UPS", new Set(["payRange"]))).toEqual({ rest: "ups", recognised: [] });
    expect(recogniseFilters("ECT maternity cover").recognised.map((r) => r.field)).toEqual(["ect", "contract"]);
  });
});

describe("tsquery building", () => {
  it("requires every unit: concepts by token, heading words by heading token, the last long word as a prefix, typos as alternatives", () => {
    const q = buildTsQueries(analyseQuery("computer science 9 autsm"), new Map([["autsm", ["autism"]]]))!;
    expect(q.full).toBe(`'${conceptToken("subject:computing")}' & '${headingToken("9")}' & ('autsm':* | 'autism')`);
    expect(q.exact).not.toContain("'autism'");
    expect(q.concepts).toBe(`'${conceptToken("subject:computing")}':AB`);
  });

  it("quotes words so nothing in them is tsquery syntax", () => {
    const q = buildTsQueries(
      { units: [{ kind: "word", word: "o'neil", headingOnly: false, prefix: true }], phrase: [], unsaidQualifiers: [] },
      new Map(),
    )!;
    expect(q.full).toBe("'o''neil':*");
  });

  it("is null without words", () => {
    expect(buildTsQueries({ units: [], phrase: [], unsaidQualifiers: [] }, new Map())).toBeNull();
  });
});

describe("indexing", () => {
  it("takes concepts from the form and the title, never from the advert or the schools' names", () => {
    const x = indexDocument({
      ...DOCUMENT,
      keyStages: [],
      title: "Year 2 Class Teacher",
      aboutRole: "We're a state-of-the-art school. Please send your application.",
      schools: [{ ...SCHOOL, name: "Templemoor Infant and Nursery School" }],
    });
    const tags = [...x.titleTags, ...x.fieldTags, ...x.relatedTags];
    expect(tags).toContain(conceptToken("year:2"));
    expect(x.relatedTags).toContain(conceptToken("keystage:ks1"));
    for (const absent of ["subject:religious_education", "subject:art_design", "subject:send", "phase:nursery"])
      expect(tags).not.toContain(conceptToken(absent));
    expect(x.advert).not.toContain("re");
  });

  it("marks titles with a qualifier", () => {
    expect(indexDocument({ ...DOCUMENT, title: "Acting Headteacher" }).qualified).toBe(true);
    expect(indexDocument({ ...DOCUMENT, title: "Headteacher" }).qualified).toBe(false);
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
    const keys = facetKeys(DOCUMENT);
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
