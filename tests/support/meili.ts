import { randomBytes } from "node:crypto";
import type { SearchEngine } from "../../search/engine";
import { meilisearchEngine } from "../../search/meilisearch/engine.server";

/**
 * A factory for the Meilisearch engine on the live server that MEILI_HOST and MEILI_MASTER_KEY name, each
 * call on a fresh index of its own; null without a server.
 */
export function liveMeiliEngine(): (() => SearchEngine) | null {
  const host = process.env.MEILI_HOST;
  const key = process.env.MEILI_MASTER_KEY;
  if (!host || !key) return null;
  return () => meilisearchEngine({ host, key, index: `staffroom_test_${randomBytes(5).toString("hex")}` });
}
