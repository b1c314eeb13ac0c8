/**
 * The Meilisearch engine (selected by MEILI_HOST). The master key stays on the server: searches run here and
 * the browser only ever talks to Staffroom. Every write waits for its task and throws if it failed, so the
 * sync job retries it.
 */
import { Meilisearch, type Task } from "meilisearch";
import { distanceMetres } from "../../app/vocabulary/distance";
import type { VacancyDocument } from "../document";
import {
  emptyFacets,
  FACETS,
  type EngineQuery,
  type FacetName,
  type IndexBuild,
  type SearchEngine,
  type SearchResult,
} from "../engine";
import { DEFAULT_INDEX, indexSettings, quoted, searchRequests, toMeiliDocuments } from "./mapping";

export type MeiliOptions = { host: string; key: string; index?: string; timeoutMs?: number };

type Hit = { vacancyId: string; document: VacancyDocument };
type Response = { hits: Hit[]; totalHits?: number; facetDistribution?: Record<string, Record<string, number>> };

class MeiliTaskError extends Error {}

function succeeded(task: Task): Task {
  if (task.status !== "succeeded")
    throw new MeiliTaskError(
      `Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? "no error given"}`,
    );
  return task;
}

export function meilisearchEngine(options: MeiliOptions): SearchEngine {
  const client = new Meilisearch({
    host: options.host,
    apiKey: options.key,
    timeout: options.timeoutMs ?? 5000,
    defaultWaitOptions: { timeout: 60_000, interval: 50 },
  });
  const live = options.index ?? DEFAULT_INDEX;

  async function ensureIndex(uid: string) {
    try {
      await client.getIndex(uid);
    } catch {
      succeeded(await client.createIndex(uid, { primaryKey: "id" }).waitTask());
    }
  }

  async function write(uid: string, documents: VacancyDocument[]) {
    if (documents.length === 0) return;
    const index = client.index(uid);
    succeeded(await index.addDocuments(documents.flatMap(toMeiliDocuments), { primaryKey: "id" }).waitTask());
    // A vacancy that moved school keeps a document for the school it left: delete those, after the new ones are in.
    const stale = documents.map(
      (d) =>
        `(vacancyId = ${quoted(d.vacancyId)} AND schoolId NOT IN [${d.schools.map((s) => quoted(s.schoolId)).join(", ")}])`,
    );
    succeeded(await index.deleteDocuments({ filter: stale.join(" OR ") }).waitTask());
  }

  return {
    name: "meilisearch",
    async applySettings() {
      await ensureIndex(live);
      succeeded(await client.index(live).updateSettings(indexSettings()).waitTask());
    },
    upsert: (documents) => write(live, documents),
    async remove(vacancyIds) {
      if (vacancyIds.length === 0) return;
      succeeded(
        await client
          .index(live)
          .deleteDocuments({ filter: `vacancyId IN [${vacancyIds.map(quoted).join(", ")}]` })
          .waitTask(),
      );
    },
    async search(query: EngineQuery): Promise<SearchResult> {
      const { main, facetQueries, active } = searchRequests(query, live);
      const { results } = (await client.multiSearch({ queries: [main, ...facetQueries] })) as unknown as {
        results: Response[];
      };
      const [first, ...own] = results;
      if (!first) throw new Error("Meilisearch answered a multi-search with no results");
      const facets = query.facets ? emptyFacets() : undefined;
      if (facets) {
        const fill = (distribution: Record<string, Record<string, number>> | undefined, only?: FacetName) => {
          for (const facet of FACETS) {
            if (only ? facet !== only : active.includes(facet)) continue;
            for (const [value, n] of Object.entries(distribution?.[facet] ?? {})) {
              // Yes/no facets count only "yes", as the Postgres engine does.
              if ((facet === "ect" || facet === "visa" || facet === "atLocalRate") && value !== "true") continue;
              if (n > 0) facets[facet][value] = n;
            }
          }
        };
        fill(first.facetDistribution);
        own.forEach((r, i) => fill(r.facetDistribution, active[i]));
      }
      return {
        total: first.totalHits ?? 0,
        facets,
        hits: first.hits.map((h) => ({
          vacancyId: h.vacancyId,
          document: h.document,
          nearestMetres: query.geo ? nearest(h.document, query.geo) : null,
        })),
      };
    },
    async countDocuments() {
      const response = (await client.index(live).search("", { page: 1, hitsPerPage: 0 })) as unknown as Response;
      return response.totalHits ?? 0;
    },
    async beginBuild(): Promise<IndexBuild> {
      const uid = `${live}_build_${Date.now()}`;
      succeeded(await client.createIndex(uid, { primaryKey: "id" }).waitTask());
      succeeded(await client.index(uid).updateSettings(indexSettings()).waitTask());
      return {
        add: (documents) => write(uid, documents),
        async swap() {
          await ensureIndex(live);
          succeeded(await client.swapIndexes([{ indexes: [live, uid], rename: false }]).waitTask());
          // After the swap `uid` holds the old documents.
          succeeded(await client.deleteIndex(uid).waitTask());
        },
        async abandon() {
          succeeded(await client.deleteIndex(uid).waitTask());
        },
      };
    },
  };
}

/** Metres to the nearest of the vacancy's schools: the haversine Meilisearch's own radius uses. */
function nearest(d: VacancyDocument, from: { lat: number; lng: number }): number | null {
  const metres = d.schools
    .filter((s) => s.lat !== null && s.lng !== null)
    .map((s) => distanceMetres(from, { lat: s.lat!, lng: s.lng! }));
  return metres.length > 0 ? Math.min(...metres) : null;
}
