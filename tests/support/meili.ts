import { randomBytes } from "node:crypto";
import type { SearchEngine } from "../../search/engine";
import { meilisearchEngine } from "../../search/meilisearch/engine.server";

/**
 * A factory for the Meilisearch engine on the live server that MEILI_HOST, MEILI_ADMIN_KEY and MEILI_SEARCH_KEY name, each
 * call on a fresh index of its own; null without a server.
 */
export function liveMeiliEngine(): (() => SearchEngine) | null {
  const host = process.env.MEILI_HOST;
  const adminKey = process.env.MEILI_ADMIN_KEY;
  const searchKey = process.env.MEILI_SEARCH_KEY;
  if (!host || !adminKey || !searchKey) return null;
  return () =>
    meilisearchEngine({ host, adminKey, searchKey, index: `staffroom_test_${randomBytes(5).toString("hex")}` });
}
