import { parseArgs } from "node:util";
import { openScriptDatabase, pgliteWarning, runScript } from "./script-database";

const help = `Usage: npm run db:migrate [-- --force]

Applies the committed migrations (db/migrations) to DATABASE_URL's server, or to PGlite.
The server also migrates at start-up, so this is for deployments that migrate before starting.
${pgliteWarning}`;

runScript(async () => {
  const { values } = parseArgs({ options: { force: { type: "boolean" }, help: { type: "boolean", short: "h" } } });
  if (values.help) {
    console.log(help);
    return;
  }
  // Opening the script database applies the migrations.
  const connection = await openScriptDatabase({ force: values.force });
  await connection.close();
  console.log(`migrations applied (${connection.kind})`);
});
