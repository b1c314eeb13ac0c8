import type { Database } from "../db/client";
import type { SearchEngine } from "./engine";
import { meilisearchEngine } from "./meilisearch/engine.server";
import { postgresEngine } from "./postgres/engine.server";

/** Meilisearch when MEILI_HOST is set; otherwise the Postgres engine in the application's database. */
export function searchEngineFor(
  config: { meili?: { host: string; adminKey: string; searchKey: string; index: string }; keepSearchResults?: boolean },
  db: Database,
): SearchEngine {
  return config.meili
    ? meilisearchEngine(config.meili)
    : postgresEngine(db, { keepResults: config.keepSearchResults ?? true });
}
