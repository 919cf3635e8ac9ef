// The probes of issue 8 that need the real server (`next start`): redirects after sign-in, a saved
// session cookie after sign-out, the security headers and cookies, 403 pages, and an oversized
// server action body. Each failed on the code before the fix.
import { request as httpRequest } from "node:http";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signInAs } from "./helpers";

const SESSION_COOKIE = "authjs.session-token";

async function sessionCookie(page: Page) {
  const cookie = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE);
  expect(cookie, "signed in").toBeTruthy();
  return `${SESSION_COOKIE}=${cookie!.value}`;
}

/** A raw request that does not follow redirects and carries exactly the given cookie. */
const raw = (request: APIRequestContext, path: string, cookie: string, headers: Record<string, string> = {}) =>
  request.get(path, { headers: { cookie, ...headers }, maxRedirects: 0 });

test("signed in, a callbackUrl never leads off-site or to a 500", async ({ page, request }) => {
  await signInAs(page, "support");
  const cookie = await sessionCookie(page);
  for (const value of [
    "%2F%09%2Fevil.example%2F", // tab: the browser would drop it and go to //evil.example
    "%2F%0A%2Fx", // newline: was a 500
    "%2F%0D%2Fx",
    "%2F%E3%80%80%2Fevil.example", // U+3000
    "https%3A%2F%2Fevil.example",
    "%2F%5Cevil.example",
    "%2F%252F%2Fevil.example",
    "%2Fhistory%2F..%2F%2Fevil.example%2Fphish", // dot-segments collapse to //evil.example
    encodeURIComponent(`/${"a".repeat(3000)}`),
  ]) {
    const res = await raw(request, `/login?callbackUrl=${value}`, cookie);
    expect(res.status(), value).toBe(307);
    expect(res.headers().location, value).toBe("/");
  }
  const deep = await raw(request, "/login?callbackUrl=%2Fhistory%3Fstatus%3Dreserved", cookie);
  expect(deep.headers().location).toBe("/history?status=reserved");
});

test("a saved session cookie is worthless after sign-out (pages and CSV export)", async ({ page, request }) => {
  await signInAs(page, "support");
  const cookie = await sessionCookie(page);
  expect((await raw(request, "/history?msn=212345", cookie)).status()).toBe(200);
  expect((await raw(request, "/api/history/212345/export", cookie)).status()).toBe(200);

  await page.getByRole("button", { name: "Logg ut", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);

  const replayed = await raw(request, "/history?msn=212345", cookie);
  expect(replayed.status()).toBe(307);
  expect(replayed.headers().location).toMatch(/\/login/);
  expect((await raw(request, "/api/history/212345/export", cookie)).status()).toBe(401);
});

test("Auth.js' own sign-out endpoint ends the server-side session too", async ({ page, request }) => {
  await signInAs(page, "support");
  const cookie = await sessionCookie(page);
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const out = await page.request.post("/api/auth/signout", { form: { csrfToken }, maxRedirects: 0 });
  expect(out.status()).toBe(302);
  expect((await raw(request, "/history/212345", cookie)).status()).toBe(307);
  expect((await raw(request, "/api/history/212345/export", cookie)).status()).toBe(401);
});

test("sign out everywhere ends the sessions of every browser", async ({ browser }) => {
  const first = await browser.newPage();
  const second = await browser.newPage();
  await signInAs(first, "finance");
  await signInAs(second, "finance");
  await second.getByRole("button", { name: "Logg ut på alle enheter" }).click();
  await expect(second).toHaveURL(/\/login/);
  await first.goto("/history");
  await expect(first).toHaveURL(/\/login/);
});

test("headers from next start: CSP with a nonce, no framing, permissions policy", async ({ request }) => {
  const res = await request.get("/login");
  const h = res.headers();
  const csp = h["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toContain("unsafe-eval");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(h["permissions-policy"]).toContain("camera=()");
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("same-origin");
  // A fresh nonce per response, and Next's own scripts carry it.
  const again = (await request.get("/login")).headers()["content-security-policy"];
  expect(again).not.toBe(csp);
  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  const html = await res.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
});

test("session cookies are Secure when the app is reached over HTTPS", async ({ page, browser }) => {
  // Behind the TLS proxy the request says https in X-Forwarded-Proto; Auth.js then sets a
  // __Secure- cookie with the Secure flag, with any database.
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-Proto": "https" } });
  const https = await context.newPage();
  const csrf = await https.request.get("/api/auth/csrf");
  const setCookie = csrf
    .headersArray()
    .filter((x) => x.name.toLowerCase() === "set-cookie")
    .map((x) => x.value);
  expect(setCookie.join("\n")).toMatch(/__Host-authjs\.csrf-token=[^;]+;.*Secure/i);
  await context.close();
  // Over plain HTTP (this test server) the cookie cannot be Secure, or the browser would drop it.
  await page.goto("/login");
});

test("no access answers HTTP 403 with the explanation", async ({ page }) => {
  await signInAs(page, "developer");
  for (const path of ["/admin/users", "/history", "/import", "/admin/api-keys"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "Ingen tilgang" })).toBeVisible();
  }
});

test("a server action body over the limit gets a clear 413, not a 500", async ({ page, request }) => {
  await signInAs(page, "support", "/import");
  const cookie = await sessionCookie(page);
  const res = await request.post("/import", {
    headers: { cookie, "Next-Action": "0".repeat(40), "Content-Type": "text/plain;charset=UTF-8" },
    data: "x".repeat(4 * 1024 * 1024),
    maxRedirects: 0,
  });
  expect(res.status()).toBe(413);
  expect(await res.text()).toBe("Forespørselen er for stor (maks 2 MB).");
});

test("login, lookup, a payment and a 403 page run under the CSP without console errors", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto("/login");
  await signInAs(page, "support");
  await page.getByRole("searchbox").fill("ORD-3100");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("lookup-results")).toBeVisible();
  await page.getByTestId("lookup-results").getByRole("link").first().click();
  await expect(page.getByTestId("last-synced")).toBeVisible();
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "Ingen tilgang" })).toBeVisible();
  expect(problems.filter((p) => !p.includes("403"))).toEqual([]);
});

/** A chunked POST (no Content-Length), which Playwright's request API cannot send. */
function chunkedPost(
  url: string,
  headers: Record<string, string>,
  chunks: number,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: "POST", headers: { ...headers, "Transfer-Encoding": "chunked" } }, (res) => {
      let body = "";
      res.on("data", (d: Buffer) => (body += d.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    for (let i = 0; i < chunks; i++) req.write("x".repeat(64 * 1024));
    req.end();
  });
}

test("a chunked server action body gets 411, a broken path 400 — never a bare 500", async ({ page, baseURL }) => {
  await signInAs(page, "support", "/import");
  const cookie = await sessionCookie(page);
  const chunked = await chunkedPost(`${baseURL}/import`, { cookie, "Next-Action": "0".repeat(40) }, 4);
  expect(chunked.status).toBe(411);
  expect(chunked.body).toContain("Content-Length");
  const broken = await page.request.get("/payments/212345/%E0%A4%A", { maxRedirects: 0 });
  expect(broken.status()).toBe(400);
  expect(broken.headers()["x-content-type-options"]).toBe("nosniff");
});
