/**
 * The relevance regression suite: judged queries over a fixed catalogue (tests/support/relevance-*.ts), run
 * the way the search page runs them, with precision at 10, recall, best at 1 and the zero-result rate held to
 * thresholds. On the Postgres engine always; on Meilisearch too when MEILI_HOST names a live server. The
 * figures are printed and written to .tmp/relevance-<engine>.json for docs/performance.md.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { ResolvedPlace } from "../../app/places/lookup.server";
import { DEFAULT_RADIUS_MILES, parseSearchQuery, type SearchPageQuery } from "../../app/vacancy-search/query";
import { engineQueryFor, searchOrRelax } from "../../app/vacancy-search/search.server";
import type { SearchEngine } from "../../search/engine";
import { postgresEngine } from "../../search/postgres/engine.server";
import { reindex } from "../../search/reindex.server";
import { useTestDatabase } from "../support/database";
import { liveMeiliEngine } from "../support/meili";
import { LIVE_ADVERTS, seedCatalogue } from "../support/relevance-catalogue";
import { JUDGEMENTS, type Judgement } from "../support/relevance-judgements";
import { report, scoreQuery, summarise, type QueryScore } from "../support/relevance-metrics";

const database = useTestDatabase();

/** What the suite asks of the search (issue 13); a change that lowers a figure below these fails. */
const THRESHOLDS = { precisionAt10: 0.9, recall: 0.85, bestAt1: 0.9, zeroResultRate: 0 };

type EngineCase = { name: string; make: () => SearchEngine };
const engines: EngineCase[] = [{ name: "postgres", make: () => postgresEngine(database.db) }];
const live = liveMeiliEngine();
if (live) engines.push({ name: "meilisearch", make: live });
else
  describe.skip("relevance on meilisearch: skipped because MEILI_HOST is not set (no server can be installed here)", () => {
    it("holds Meilisearch to the same judged queries", () => {});
  });

describe.each(engines)("search relevance: $name", ({ name, make }) => {
  const now = new Date();
  let scores: QueryScore[];

  beforeAll(async () => {
    const catalogue = await seedCatalogue(database.db, now);
    const engine = make();
    await engine.applySettings();
    await reindex(database.db, engine);
    // As the search page runs it: words that name filters become filters, and a search that matches nothing
    // is tried again without its least informative word.
    const run = async (j: Judgement) => {
      const query: SearchPageQuery = {
        ...parseSearchQuery(new URLSearchParams({ q: j.q })).query,
        radiusMiles: j.near?.miles ?? DEFAULT_RADIUS_MILES,
      };
      const place = j.near ? ({ lat: j.near.lat, lng: j.near.lng, label: "here" } as ResolvedPlace) : null;
      const { result, relaxed } = await searchOrRelax(engine, engineQueryFor(query, place, now, 100));
      return {
        // A query with nothing relevant is right to find nothing; results shown as "without <word>" are labelled.
        found: relaxed && j.relevant.length === 0 ? [] : result.hits.map((h) => catalogue.keyOf(h.vacancyId)),
        note: relaxed ? `without “${relaxed.dropped}”` : undefined,
      };
    };
    scores = [];
    for (const judgement of JUDGEMENTS) scores.push(scoreQuery({ judgement, ...(await run(judgement)) }));
    const text = report(name, scores);
    console.log(text);
    mkdirSync(".tmp", { recursive: true });
    writeFileSync(`.tmp/relevance-${name}.json`, JSON.stringify({ summary: summarise(scores), scores }, null, 2));
  }, 240_000);

  it("judges at least sixty queries over a catalogue of realistic adverts", () => {
    expect(JUDGEMENTS.length).toBeGreaterThanOrEqual(60);
    expect(LIVE_ADVERTS.length).toBeGreaterThanOrEqual(100);
    for (const j of JUDGEMENTS) for (const k of [...j.relevant, ...(j.best ?? [])]) expect(LIVE_ADVERTS).toContain(k);
  });

  it(`reaches precision at 10 of ${THRESHOLDS.precisionAt10} or more`, () => {
    expect(summarise(scores).precisionAt10).toBeGreaterThanOrEqual(THRESHOLDS.precisionAt10);
  });

  it(`finds ${THRESHOLDS.recall * 100}% or more of the relevant vacancies`, () => {
    expect(summarise(scores).recall).toBeGreaterThanOrEqual(THRESHOLDS.recall);
  });

  it(`puts an acceptable vacancy first in ${THRESHOLDS.bestAt1 * 100}% of queries or more`, () => {
    expect(summarise(scores).bestAt1).toBeGreaterThanOrEqual(THRESHOLDS.bestAt1);
  });

  it("finds something for every query that has relevant live vacancies", () => {
    expect(summarise(scores).zeroResultQueries).toEqual([]);
  });
});
