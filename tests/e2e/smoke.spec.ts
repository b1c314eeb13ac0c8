import { expect, expectAccessible, test } from "./support";

test("the home page explains the service, is accessible and is served with an enforced CSP", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  const csp = response?.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("script-src 'self' 'nonce-");
  expect(csp).toContain("frame-ancestors 'none'");
  await expect(page.getByRole("heading", { name: "Schools in your area, recruiting together" })).toBeVisible();
  await expectAccessible(page);
});

test("a POST from another origin is refused with 403 and changes nothing", async ({ request }) => {
  const forged = await request.post("/sign-up", {
    headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
    data: "name=Mallory&email=mallory%40example.com&password=long+enough+password",
  });
  expect(forged.status()).toBe(403);
  const mails = await (await request.get("/dev/mailbox.json?to=mallory@example.com")).json();
  expect(mails.mails).toEqual([]);
  // The same request from our own origin is accepted, so the check above can fail.
  const own = await request.post("/sign-up", {
    headers: {
      Origin: new URL(test.info().project.use.baseURL!).origin,
      "Content-Type": "application/x-www-form-urlencoded",
    },
    data: "name=Mallory&email=mallory%40example.com&password=long+enough+password",
    maxRedirects: 0,
  });
  expect(own.status()).toBe(302);
});

test("an unknown page is a friendly 404", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expectAccessible(page);
});
