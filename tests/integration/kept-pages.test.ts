/**
 * Pages kept for visitors who are not signed in (ADR 0041), through the real server on a PostgreSQL server: a repeat
 * visit is answered from memory (a change made with triggers off, so that the pages' generation does not see it, does not
 * show), with a fresh nonce and its view counted; any committed write shows at once; a countdown's next step is not
 * waited for; a visitor with a Staffroom cookie always gets a page made for them. The open-data feed likewise. And the
 * HR dashboard, kept for the session it was made for (ADR 0043): another session, an application sent, a session ended
 * or a flash message each get a page made afresh.
 */
import { createHash, randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type ServerProcess } from "../support/server-process";

const serverUrl = process.env.TEST_DATABASE_URL;
const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

/** The nonce of the response's CSP header, and every nonce its body carries. */
function nonces(response: Response, body: string) {
  const header = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
  const inBody = [...body.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]);
  return { header, inBody };
}

// The test changes rows behind the server's back (session_replication_role), which needs a PostgreSQL server.
describe.skipIf(!serverUrl)("pages kept for visitors (skipped without TEST_DATABASE_URL)", () => {
  let server: ServerProcess;
  let sql: postgres.Sql;
  const scratch = `staffroom_kept_${randomBytes(4).toString("hex")}`;

  beforeAll(async () => {
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${scratch}`);
    await admin.end();
    const url = new URL(serverUrl!);
    url.pathname = `/${scratch}`;
    server = await startServer({ DATABASE_URL: url.toString(), SEED_DEMO: "auto", WEB_CONCURRENCY: "1" });
    sql = postgres(url.toString(), { max: 2, onnotice: () => {} });
    await settled();
  }, 240_000);

  /**
   * Until the demo's seeding has been indexed and nothing is being written: the server's jobs (the search sync) write
   * watched tables, and a write between two visits would make the second page afresh whatever these tests do.
   */
  async function settled() {
    const stampNow = async () =>
      (
        await sql<{ stamp: string }[]>`SELECT epoch || (folded + (SELECT count(*) FROM page_writes)) AS stamp
                                          FROM page_generation`
      )[0]?.stamp;
    const deadline = Date.now() + 120_000;
    let last = await stampNow();
    let since = Date.now();
    while (Date.now() - since < 1_500) {
      if (Date.now() > deadline) throw new Error("the database did not settle");
      await new Promise((r) => setTimeout(r, 250));
      const [pending] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM search_sync_pending`;
      const now = await stampNow();
      if (now !== last || pending!.n > 0) [last, since] = [now, Date.now()];
    }
  }

  afterAll(async () => {
    if (server?.child.exitCode === null) server.child.kill("SIGKILL");
    if (server) rmSync(server.dataDir, { recursive: true, force: true });
    await sql?.end();
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
    await admin.end();
  }, 60_000);

  /** Changes rows without firing triggers: the pages' generation does not see it, as if nothing had been written. */
  async function unseen(statement: (tx: postgres.TransactionSql) => Promise<unknown>) {
    await sql.begin(async (tx) => {
      await tx`SET LOCAL session_replication_role = replica`;
      await statement(tx);
    });
  }

  async function openVacancy(order: "newest" | "any" = "any") {
    const rows = await sql<{ id: string; title: string }[]>`
      SELECT id, title FROM vacancies WHERE status = 'published' AND closes_at > now() + interval '3 days'
       ORDER BY ${order === "newest" ? sql`published_at DESC` : sql`id`} LIMIT 1`;
    expect(rows).toHaveLength(1);
    return rows[0]!;
  }

  async function viewsOf(id: string): Promise<number> {
    const [row] = await sql<{ n: number }[]>`SELECT coalesce(sum(views), 0)::int AS n FROM vacancy_view_days
                                              WHERE vacancy_id = ${id}`;
    return row!.n;
  }

  async function visit(path: string, headers: Record<string, string> = {}) {
    // A browser's: Node's own user agent reads as a robot, whose visits are not counted.
    const response = await fetch(`${server.base}${path}`, { headers: { "User-Agent": BROWSER, ...headers } });
    const body = await response.text();
    return { response, body };
  }

  it("answers a repeat visit to a vacancy page from memory, with a fresh nonce, and counts its view", async () => {
    const vacancy = await openVacancy();
    const views = await viewsOf(vacancy.id);
    const first = await visit(`/vacancies/${vacancy.id}`);
    expect(first.response.status).toBe(200);
    expect(first.body).toContain(vacancy.title);

    await unseen((tx) => tx`UPDATE vacancies SET title = 'A title nobody was told of' WHERE id = ${vacancy.id}`);
    const second = await visit(`/vacancies/${vacancy.id}`);
    expect(second.response.status).toBe(200);
    expect(second.body).toContain(vacancy.title);
    expect(second.body).not.toContain("A title nobody was told of");

    const a = nonces(first.response, first.body);
    const b = nonces(second.response, second.body);
    expect(a.inBody.length).toBeGreaterThan(0);
    expect(new Set(a.inBody)).toEqual(new Set([a.header]));
    expect(new Set(b.inBody)).toEqual(new Set([b.header]));
    expect(b.header).not.toBe(a.header);
    expect(b.inBody.length).toBe(a.inBody.length);

    // Both visits are counted, the kept one too; a robot's visit to the kept page is not. Views are written a second
    // at a time (ADR 0042): once the browser's visit after the robot's shows, two more seconds would show the robot's.
    await visit(`/vacancies/${vacancy.id}`, { "User-Agent": "Googlebot/2.1 (+http://www.google.com/bot.html)" });
    await visit(`/vacancies/${vacancy.id}`);
    await expect.poll(() => viewsOf(vacancy.id), { timeout: 10_000 }).toBeGreaterThanOrEqual(views + 3);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await viewsOf(vacancy.id)).toBe(views + 3);
  });

  it("makes a page once for visits that arrive together: the others wait for it, each view still counted", async () => {
    const vacancy = await openVacancy();
    await sql`UPDATE page_generation SET epoch = 'before visitors arrive together'`;
    const views = await viewsOf(vacancy.id);
    // A lock on a table the page reads holds its making up without writing anything: the statements waiting on it are
    // the pages being made.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const locker = sql
      .begin(async (tx) => {
        await tx`LOCK TABLE schools IN ACCESS EXCLUSIVE MODE`;
        locked();
        await held;
        throw new Error("rolled back: nothing written");
      })
      .catch(() => {});
    await isLocked;
    const waitingOnTheLock = async () =>
      (
        await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity
                                    WHERE datname = current_database() AND wait_event_type = 'Lock'`
      )[0]!.n;
    const arriving = Promise.all(Array.from({ length: 6 }, () => visit(`/vacancies/${vacancy.id}`)));
    await expect.poll(waitingOnTheLock, { timeout: 10_000 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await waitingOnTheLock()).toBe(1);
    release();
    await locker;
    const visits = await arriving;
    for (const { response, body } of visits) {
      expect(response.status).toBe(200);
      expect(body).toContain(vacancy.title);
      const { header, inBody } = nonces(response, body);
      expect(new Set(inBody)).toEqual(new Set([header]));
    }
    expect(new Set(visits.map((v) => nonces(v.response, v.body).header)).size).toBe(6);
    await expect.poll(() => viewsOf(vacancy.id), { timeout: 10_000 }).toBe(views + 6);
  });

  it("makes the page afresh for a visitor with a Staffroom cookie, and shows any committed write to everyone", async () => {
    const vacancy = await openVacancy();
    await visit(`/vacancies/${vacancy.id}`);
    await unseen((tx) => tx`UPDATE vacancies SET title = 'Renamed behind the scenes' WHERE id = ${vacancy.id}`);
    expect((await visit(`/vacancies/${vacancy.id}`)).body).not.toContain("Renamed behind the scenes");
    const withCookie = await visit(`/vacancies/${vacancy.id}`, { Cookie: "staffroom_flash=whatever" });
    expect(withCookie.body).toContain("Renamed behind the scenes");

    // A write anywhere watched (here a school's name), committed: the next visit sees everything as it is.
    await sql`UPDATE schools SET name = name WHERE id = (SELECT id FROM schools LIMIT 1)`;
    expect((await visit(`/vacancies/${vacancy.id}`)).body).toContain("Renamed behind the scenes");
  });

  it("makes a vacancy page again when its countdown's next step comes, without any write", async () => {
    const vacancy = await openVacancy();
    // Closing in an hour and three seconds: "Closes in 1 hour" now, "less than an hour" in three seconds. Written
    // unseen (no search sync follows), then a new generation by hand: only the countdown can make the page again.
    await unseen(
      (tx) => tx`UPDATE vacancies SET closes_at = now() + interval '1 hour 3 seconds' WHERE id = ${vacancy.id}`,
    );
    await sql`UPDATE page_generation SET epoch = 'after the closing time moved'`;
    expect((await visit(`/vacancies/${vacancy.id}`)).body).toContain("Closes in 1 hour");
    expect((await visit(`/vacancies/${vacancy.id}`)).body).toContain("Closes in 1 hour");
    await new Promise((r) => setTimeout(r, 3_500));
    expect((await visit(`/vacancies/${vacancy.id}`)).body).toContain("Closes in less than an hour");
  });

  it("keeps the open-data feed until a write, or until a live vacancy's closing time passes", async () => {
    type Feed = { data: { id: string; title: string }[]; meta: { total: number } };
    const feed = async () => {
      const { response, body } = await visit("/api/v1/vacancies?per_page=5");
      expect(response.status).toBe(200);
      return JSON.parse(body) as Feed;
    };
    const first = await feed();
    const top = first.data[0]!;
    await unseen((tx) => tx`UPDATE vacancies SET title = 'A feed nobody was told of' WHERE id = ${top.id}`);
    expect((await feed()).data[0]!.title).toBe(top.title);
    await sql`UPDATE schools SET name = name WHERE id = (SELECT id FROM schools LIMIT 1)`;
    expect((await feed()).data[0]!.title).toBe("A feed nobody was told of");

    // Closing in three seconds, written unseen, then a new generation by hand: only its closing time can take it off.
    await unseen((tx) => tx`UPDATE vacancies SET closes_at = now() + interval '3 seconds' WHERE id = ${top.id}`);
    await sql`UPDATE page_generation SET epoch = 'after the feed closing time moved'`;
    const before = await feed();
    expect(before.data.map((v) => v.id)).toContain(top.id);
    expect((await feed()).data.map((v) => v.id)).toContain(top.id);
    await new Promise((r) => setTimeout(r, 3_500));
    const after = await feed();
    expect(after.data.map((v) => v.id)).not.toContain(top.id);
    expect(after.meta.total).toBe(before.meta.total - 1);
  });

  it("keeps a search page until the index is written, and never for a search that failed", async () => {
    const vacancy = await openVacancy("newest");
    const first = await visit("/vacancies");
    expect(first.response.status).toBe(200);
    expect(first.body).toContain(vacancy.title);
    await unseen(
      (tx) => tx`UPDATE search_documents SET document = jsonb_set(document, '{title}', '"An index nobody was told of"')
                  WHERE vacancy_id = ${vacancy.id}`,
    );
    expect((await visit("/vacancies")).body).not.toContain("An index nobody was told of");
    await sql`UPDATE search_generation SET stamp = 'after a write'`;
    expect((await visit("/vacancies")).body).toContain("An index nobody was told of");

    // A place that is not found is a 400 with its message, made every time.
    const missing = await visit("/vacancies?location=Nowhere%20Atall");
    expect(missing.response.status).toBe(400);
    const again = await visit("/vacancies?location=Nowhere%20Atall");
    expect(again.response.status).toBe(400);
  });

  /** A signed-in session of the demo's Northbrook HR user, second factor given, as signing in leaves it. */
  async function hrSession(): Promise<{ cookie: string; id: string }> {
    const token = randomBytes(32).toString("base64url");
    const id = createHash("sha256").update(token).digest("hex");
    await sql`INSERT INTO sessions (id, user_id, expires_at, absolute_expires_at, second_factor_verified_at)
              SELECT ${id}, u.id, now() + interval '7 days', now() + interval '30 days', now()
                FROM users u WHERE u.email = 'hr@northbrook.example'`;
    return { cookie: `staffroom_session=${token}`, id };
  }

  it("keeps the HR dashboard for the session it was made for, until a write or the session changes", async () => {
    // One of the trust's roles taking applications in Staffroom, made its most recent change: first on the dashboard.
    const [role] = await sql<{ id: string; title: string; n: number }[]>`
      SELECT v.id, v.title,
             (SELECT count(*)::int FROM applications a WHERE a.vacancy_id = v.id AND a.status <> 'draft') AS n
        FROM vacancies v JOIN organisations o ON o.id = v.owner_organisation_id
       WHERE o.slug = 'northbrook-learning-trust' AND v.apply_method = 'staffroom' AND v.status = 'published'
       ORDER BY v.id LIMIT 1`;
    expect(role).toBeDefined();
    const vacancyId = role!.id;
    // As React writes it into the page.
    const title = role!.title
      .replaceAll("&", "&amp;")
      .replaceAll("<", "&lt;")
      .replaceAll(">", "&gt;")
      .replaceAll('"', "&quot;")
      .replaceAll("'", "&#x27;");
    // Unseen, then a new generation by hand: a write the search sync would follow could land between two visits.
    await unseen((tx) => tx`UPDATE vacancies SET updated_at = now() WHERE id = ${vacancyId}`);
    await sql`UPDATE page_generation SET epoch = 'after the role moved up'`;
    await settled();
    const hana = await hrSession();
    const first = await visit("/hr/vacancies", { Cookie: hana.cookie });
    expect(first.response.status).toBe(200);
    expect(first.response.headers.get("cache-control")).toBe("no-store");
    const countOf = (body: string) =>
      new RegExp(`href="/hr/vacancies/${vacancyId}/applications">(\\d+)<`).exec(body)?.[1];
    expect(first.body).toContain(title);
    expect(countOf(first.body)).toBe(String(role!.n));

    await unseen((tx) => tx`UPDATE vacancies SET title = 'Retitled where HR cannot see' WHERE id = ${vacancyId}`);
    const kept = await visit("/hr/vacancies", { Cookie: hana.cookie });
    expect(kept.response.status).toBe(200);
    expect(kept.response.headers.get("cache-control")).toBe("no-store");
    expect(kept.body).toContain(title);
    expect(kept.body).not.toContain("Retitled where HR cannot see");
    expect(nonces(kept.response, kept.body).header).not.toBe(nonces(first.response, first.body).header);

    // The same person in another browser has a page made for that session; a flash message's cookie, afresh too.
    const other = await hrSession();
    expect((await visit("/hr/vacancies", { Cookie: other.cookie })).body).toContain("Retitled where HR cannot see");
    const flashed = await visit("/hr/vacancies", { Cookie: `${hana.cookie}; staffroom_flash=whatever` });
    expect(flashed.body).toContain("Retitled where HR cannot see");
    expect((await visit("/hr/vacancies", { Cookie: hana.cookie })).body).not.toContain("Retitled where HR cannot see");

    // An application sent to one of the trust's roles (the applicant's account made unseen): the count shows.
    const applicant = `applicant-${randomBytes(3).toString("hex")}@example.org`;
    await unseen(
      (tx) => tx`INSERT INTO users (email, name, password_hash) VALUES (${applicant}, 'Ife Applicant', 'x')`,
    );
    await sql`INSERT INTO applications (vacancy_id, user_id, status, profile, submitted_at)
              SELECT ${vacancyId}, u.id, 'submitted', '{}'::jsonb, now() FROM users u WHERE u.email = ${applicant}`;
    const after = (await visit("/hr/vacancies", { Cookie: hana.cookie })).body;
    expect(after).toContain("Retitled where HR cannot see");
    expect(countOf(after)).toBe(String(role!.n + 1));

    // Signed out (the session's row gone): the next visit is sent to sign in, not shown the kept page.
    expect((await visit("/hr/vacancies", { Cookie: hana.cookie })).response.status).toBe(200);
    await sql`DELETE FROM sessions WHERE id = ${hana.id}`;
    const signedOut = await fetch(`${server.base}/hr/vacancies`, {
      headers: { Cookie: hana.cookie, "User-Agent": BROWSER },
      redirect: "manual",
    });
    expect(signedOut.status).toBeGreaterThanOrEqual(300);
    expect(signedOut.status).toBeLessThan(400);
    expect(signedOut.headers.get("location")).toContain("/sign-in");
  });
});
