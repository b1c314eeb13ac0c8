import { afterEach, describe, expect, it, vi } from "vitest";
import { endSession, readSession } from "../../app/auth/session.server";
import { lucia } from "../../app/auth/lucia.server";
import { useTestDatabase } from "../support/database";
import { createUser, sessionCookie } from "../support/factories";
import { getRequest } from "../support/requests";

describe("reading who is signed in", () => {
  const t = useTestDatabase();
  afterEach(() => vi.restoreAllMocks());

  it("answers a page's loaders asking together with one read, and reads afresh afterwards", async () => {
    const user = await createUser(t.db, { email: "reads@example.org" });
    const cookie = await sessionCookie(user);
    const validate = vi.spyOn(lucia(), "validateSession");

    // The root's loader and the route's ask at once, each with a Request of its own.
    const [root, route] = await Promise.all([
      readSession(getRequest("/", cookie)),
      readSession(getRequest("/x", cookie)),
    ]);
    expect([root.signedIn?.user.id, route.signedIn?.user.id]).toEqual([user.id, user.id]);
    expect(validate).toHaveBeenCalledTimes(1);

    expect((await readSession(getRequest("/", cookie))).signedIn?.user.id).toBe(user.id);
    expect(validate).toHaveBeenCalledTimes(2);
  });

  it("does not share a read between different sessions", async () => {
    const [amara, tom] = [await createUser(t.db), await createUser(t.db)];
    const [a, b] = [await sessionCookie(amara), await sessionCookie(tom)];
    const reads = await Promise.all([readSession(getRequest("/", a)), readSession(getRequest("/", b))]);
    expect(reads.map((r) => r.signedIn?.user.id)).toEqual([amara.id, tom.id]);
  });

  it("sees a session ended by signing out, even while a read of it begun before is still under way", async () => {
    const user = await createUser(t.db);
    const cookie = await sessionCookie(user);
    const auth = lucia();
    const validate = auth.validateSession.bind(auth);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    // The read begun before signing out has its answer (live) but has not given it yet.
    vi.spyOn(auth, "validateSession").mockImplementationOnce(async (id) => {
      const answer = await validate(id);
      await held;
      return answer;
    });
    const before = readSession(getRequest("/", cookie));
    await endSession(getRequest("/sign-out", cookie));
    const after = readSession(getRequest("/", cookie));
    release();
    expect((await after).signedIn).toBeNull();
    expect((await before).signedIn?.user.id).toBe(user.id);
  });
});
