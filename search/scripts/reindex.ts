/**
 * `npm run search:reindex`: rebuilds the whole search index from PostgreSQL into a fresh index and swaps it
 * in, with a progress bar, then reports the documents in the index against the live vacancies.
 */
import { parseArgs } from "node:util";
import { SingleBar } from "cli-progress";
import { loadConfig } from "../../app/config.server";
import { openScriptDatabase, pgliteWarning, runScript } from "../../db/scripts/script-database";
import type { ReindexProgress } from "../engine";
import { reindex, ReindexBusyError } from "../reindex.server";
import { searchEngineFor } from "../select.server";

/** A bar on a terminal; in a log, a line every few seconds. */
function progress(): { onProgress: ReindexProgress; stop: () => void } {
  if (process.stderr.isTTY) {
    const bar = new SingleBar({
      format: "reindex [{bar}] {percentage}% | {value}/{total} vacancies | {duration}s",
      stream: process.stderr,
      hideCursor: true,
    });
    let started = false;
    return {
      onProgress: (done, total) => {
        if (!started) bar.start(Math.max(total, 1), 0);
        started = true;
        bar.setTotal(Math.max(total, 1));
        bar.update(done);
      },
      stop: () => started && bar.stop(),
    };
  }
  let last = 0;
  return {
    onProgress: (done, total) => {
      if (Date.now() - last < 3000 && done < total) return;
      last = Date.now();
      console.error(`reindex: ${done} of ${total} vacancies`);
    },
    stop: () => {},
  };
}

runScript(async () => {
  const { values } = parseArgs({ options: { force: { type: "boolean" }, help: { type: "boolean", short: "h" } } });
  if (values.help) {
    console.log(`Usage: npm run search:reindex [-- --force]

Rebuilds the search index (Meilisearch when MEILI_HOST is set, otherwise the Postgres engine) from the
vacancy tables into a fresh index, and swaps it in: searches keep working throughout, and changes made
meanwhile are applied to the new index once it is in.

  --force   open PGlite even though something listens on the app's port

Database: DATABASE_URL, or PGlite.\n${pgliteWarning}`);
    return 0;
  }
  const config = loadConfig(process.env);
  const connection = await openScriptDatabase({ force: values.force });
  const engine = searchEngineFor(config, connection.db);
  const bar = progress();
  try {
    await engine.applySettings();
    const report = await reindex(connection.db, engine, { onProgress: bar.onProgress });
    bar.stop();
    console.log(
      `${engine.name}: ${report.documents} vacancies in the index, ${report.searchable} live vacancies in the database, in ${report.seconds.toFixed(1)} s` +
        (report.caughtUp > 0 ? `; ${report.caughtUp} changes made meanwhile applied afterwards` : ""),
    );
    if (report.documents !== report.searchable) {
      console.error(
        "The index and the database disagree: a change may have arrived during the count. Run it again to check.",
      );
      return 1;
    }
    return 0;
  } catch (error) {
    bar.stop();
    if (error instanceof ReindexBusyError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  } finally {
    await connection.close();
  }
});
