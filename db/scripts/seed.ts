import { parseArgs } from "node:util";
import { DemoAlreadySeededError, isDatabaseEmpty, seedDemoAroundRealSchools, seedDemoRegion } from "../seed/demo";
import { realLocalAuthority } from "../seed/real-schools";
import { formatReport } from "./import-report";
import { openScriptDatabase, pgliteWarning, runScript } from "./script-database";
import { hashPassword } from "../../app/auth/password.server";

const help = `Usage: npm run db:seed [-- --schools FILE] [--force]

Seeds the demo partnership "Demo Vale Schools Partnership" (slug demo-vale): three academy trusts
(Northbrook Learning Trust, Riverside Schools Trust, Small Oak Trust), a local authority, the ITT
provider Vale Teacher Training, and eleven demo users (admin@staffroom.example, hr@northbrook.example, ...)
whose password is "staffroom-demo-password".

Without --schools the schools are 40 invented ones in the fictional county of Demoshire (LA 990,
postcodes DV1-DV8, around 52.95N 1.15W): this is what \`npm start\` seeds on an empty database.

  --schools FILE  import FILE (e.g. ../shared/data/schools-greater-manchester.csv) and build the demo
                  around about 40 of its real schools in Trafford, Manchester, Salford and Stockport.
                  The local authority is then the real ${realLocalAuthority.name} (DfE ${realLocalAuthority.laCode}),
                  whose LA-maintained schools join the partnership; the trusts stay fictional.
  --force         open PGlite even though something listens on the app's port

A database that already has a partnership is left alone (exit 0): seeding never duplicates.
${pgliteWarning}`;

runScript(async () => {
  const { values } = parseArgs({
    options: { schools: { type: "string" }, force: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    console.log(help);
    return;
  }
  const connection = await openScriptDatabase({ force: values.force });
  try {
    if (!(await isDatabaseEmpty(connection.db))) {
      console.log("The database already has a partnership: nothing seeded.");
      return;
    }
    if (values.schools) {
      const summary = await seedDemoAroundRealSchools(connection.db, values.schools, { hashPassword });
      console.log(formatReport(summary.imported));
      console.log(`seeded ${summary.schools} real schools into the demo partnership, ${summary.users} demo users`);
    } else {
      const summary = await seedDemoRegion(connection.db, { hashPassword });
      console.log(
        `seeded ${summary.schools} fictional schools, ${summary.organisations} organisations, ${summary.users} demo users`,
      );
    }
  } catch (error) {
    if (!(error instanceof DemoAlreadySeededError)) throw error;
    console.log(error.message);
  } finally {
    await connection.close();
  }
});
