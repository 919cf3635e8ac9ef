import { expect, test } from "@playwright/test";
import { signInAs } from "./helpers";

test("support finds an orderId in two sales units, opens the right one, reads the timeline and copies the answer", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInAs(page, "support");
  // "/" works once the page is interactive; retry until the handler is attached.
  await expect(async () => {
    await page.keyboard.press("/");
    await expect(page.getByLabel("orderId, transaksjons-ID, beløp eller tekst")).toBeFocused({ timeout: 500 });
  }).toPass();
  await page.keyboard.type("ORD-3100");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\?q=ORD-3100/);
  await expect(page.getByTestId("shared-warning")).toContainText("en refusjon i ett salgssted påvirker ikke det andre");
  const rows = page.getByTestId("lookup-results").locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await rows.filter({ hasText: "Fjellsport Utsalg" }).getByRole("link", { name: "ORD-3100" }).click();
  await expect(page).toHaveURL(/\/payments\/212347\/ORD-3100\?from=%2F%3Fq%3DORD-3100$/);
  // The same orderId in the other sales unit is named here too, with a link.
  await expect(page.getByTestId("same-order-id")).toContainText("Fjellsport Nettbutikk (212345)");
  await expect(page.getByRole("heading", { name: /Betaling ORD-3100/ })).toBeVisible();
  await expect(page.getByTestId("timeline-entry")).toHaveCount(3);
  await expect(page.getByTestId("timeline")).toContainText("Reservert");
  await expect(page.getByTestId("timeline")).toContainText("Trukket");
  await expect(page.getByTestId("verdict")).toHaveText("Forklart: én betaling");
  const answer = await page.getByTestId("explanation-nb").innerText();
  expect(answer).toContain("Du betaler bare én gang");
  await page.getByTestId("copy-nb").click();
  await expect(page.getByTestId("copy-nb")).toHaveText("✓ Kopiert");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(answer);
  // The English answer is copied on its own; then both buttons offer to copy again.
  await page.getByTestId("copy-en").click();
  await expect(page.getByTestId("copy-en")).toHaveText("✓ Kopiert");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain("NOK");
  await expect(page.getByTestId("copy-nb")).toHaveText("Kopier svaret");
  await expect(page.getByTestId("copy-en")).toHaveText("Kopier svaret");
  // Back goes to the search the person came from.
  await page.getByTestId("back").click();
  await expect(page).toHaveURL(/\/\?q=ORD-3100$/);
  await expect(page.getByTestId("lookup-results")).toBeVisible();
});

test("a genuine second payment is called out, with links to the others", async ({ page }) => {
  await signInAs(page, "support", "/?q=DBL-7000");
  await expect(page.getByTestId("lookup-results").locator("tbody tr")).toHaveCount(3);
  await page.getByRole("link", { name: "DBL-7000-1" }).click();
  await expect(page.getByTestId("verdict")).toHaveText("Ekte ny betaling: kanseller eller refunder den");
  await expect(page.getByTestId("duplicates")).toContainText("DBL-7000-2");
});

test("bad input gets a specific message and no results; markup is searched as text, never run", async ({ page }) => {
  await signInAs(page, "support", "/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
  await expect(page.getByTestId("not-found")).toContainText("<script>alert(1)</script>");
  await page.goto(`/?q=${"a".repeat(101)}`);
  await expect(page.getByTestId("search-error")).toHaveText(
    "Søket kan være på høyst 100 tegn (en transaksjonstekst er aldri lengre).",
  );
  await expect(page.getByTestId("lookup-results")).toHaveCount(0);
});

test("search ignores letter case, finds amounts as people write them, and says when results are cut off", async ({
  page,
}) => {
  await signInAs(page, "support", "/?q=ord-3100");
  const rows = page.getByTestId("lookup-results").locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("Eksakt (andre store/små bokstaver)");
  await page.goto("/?q=259%2C00");
  await expect(rows.first()).toContainText("259,00");
  await expect(page.getByTestId("lookup-results")).toContainText("Beløp");
  // Many payments start with "FS-": the first 50 are shown, with how many there are and a way on.
  await page.goto("/?q=FS-");
  await expect(rows).toHaveCount(50);
  const cut = page.getByTestId("results-cut");
  await expect(cut).toContainText(/Viser 50 av [\d  ]+ — gjør søket smalere/);
  await cut.getByRole("link", { name: "se hele listen i historikken" }).click();
  await expect(page).toHaveURL(/\/history\?q=FS-/);
  // From the history to a payment and back to the same filtered list.
  const historyUrl = page.url();
  await page.getByTestId("history-table").locator("tbody a").first().click();
  await page.getByRole("link", { name: "← Tilbake til historikken" }).click();
  await expect(page).toHaveURL(historyUrl);
});

test("/ opens the search from any page, focused", async ({ page }) => {
  await signInAs(page, "support", "/history");
  await expect(async () => {
    await page.keyboard.press("/");
    await expect(page).toHaveURL(/\/$/, { timeout: 1000 });
  }).toPass();
  await expect(page.getByLabel("orderId, transaksjons-ID, beløp eller tekst")).toBeFocused();
});

test("not found here: look it up at Vipps in each sales unit", async ({ page }) => {
  await signInAs(page, "support", "/?q=NOPE-404");
  await expect(page.getByTestId("not-found")).toBeVisible();
  await page.getByRole("button", { name: "Slå opp hos Vipps" }).click();
  await expect(page.getByTestId("vipps-results").locator("li")).toHaveCount(3);
  await expect(page.getByTestId("vipps-results")).toContainText("Ikke i dette salgsstedet");
});

test("a payment outside the user's sales units is not found by URL, and not in search", async ({ page }) => {
  await signInAs(page, "support", "/payments/212348/NOW-9002");
  await expect(page.getByRole("heading", { name: "Fant ikke siden" })).toBeVisible();
  // A real 404, not a 200 page that merely says so.
  expect((await page.goto("/payments/212348/NOW-9002"))?.status()).toBe(404);
  expect((await page.goto("/history/212348"))?.status()).toBe(404);
  await page.goto("/?q=NOW-9002");
  await expect(page.getByTestId("not-found")).toBeVisible();
  // The admin sees it.
  await page.getByRole("button", { name: "Logg ut", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  await signInAs(page, "admin", "/payments/212348/NOW-9002");
  await expect(page.getByRole("heading", { name: /Betaling NOW-9002/ })).toBeVisible();
});

test("refresh from Vipps updates the last-synced time", async ({ page }) => {
  await signInAs(page, "finance", "/payments/212345/ORD-3101");
  await page.getByRole("button", { name: "Hent på nytt fra Vipps" }).click();
  await expect(page.getByTestId("refresh-message")).toHaveText("Oppdatert fra Vipps.");
  await expect(page.getByTestId("api-calls")).toContainText("details");
});
