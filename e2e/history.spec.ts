// Transaction history across the user's sales units: finance narrows by sales unit, date preset and
// status, reads the totals and "51–100 of N", changes the page size and the sort, and downloads
// both CSVs (the Excel one starts with the BOM and uses ';' and a decimal comma); bad URL values are
// explained; support cannot open a sales unit outside their scope; developers get a 403.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./helpers";

const rows = (page: Page) => page.getByTestId("history-table").locator("tbody tr");
const orderIds = (page: Page) => page.getByTestId("history-table").locator("tbody tr td:first-child").allTextContents();
const chips = (page: Page) => page.getByTestId("status-chips");
const rangeText = (page: Page) => page.getByTestId("history-total");
/** "1 234" or "1,234" → 1234 */
const num = (s: string | null) => Number((s ?? "").replace(/[^\d]/g, ""));
/** The order IDs once a page of rows is on screen (not the skeleton, not the page we came from). */
async function settledIds(page: Page, notThese: string[] = []): Promise<string[]> {
  let ids: string[] = [];
  await expect
    .poll(async () => {
      ids = await orderIds(page);
      return ids.length > 0 && ids.join() !== notThese.join() && (await page.locator("[aria-busy=true]").count()) === 0;
    })
    .toBe(true);
  return ids;
}
const countOf = async (page: Page, status: string) =>
  Number(await chips(page).locator(`[data-status=${status}]`).getAttribute("data-count"));
/** Øre from a kroner text in either language: "1 234,50 kr" or "NOK 1,234.50". */
const ore = (s: string) => num(s);

async function download(page: Page, name: RegExp) {
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name }).click();
  const d = await downloading;
  return { name: d.suggestedFilename(), bytes: await readFile((await d.path())!) };
}

test("finance: all units, a unit, a preset, statuses, totals, paging text, page size, sorts and both CSVs", async ({
  page,
}) => {
  await signInAs(page, "finance", "/history");
  await expect(page.getByRole("heading", { name: "Transaksjonshistorikk" })).toBeVisible();
  await expect(rows(page)).toHaveCount(50);
  // Every unit of the user in one view, the unit as a column.
  const unitsShown = await page
    .getByTestId("history-table")
    .locator("tbody td[data-msn]")
    .evaluateAll((tds) => tds.map((td) => td.getAttribute("data-msn")));
  expect(new Set(unitsShown).size).toBeGreaterThan(1);
  const everything = num(await page.getByTestId("total-count").textContent());
  await expect(rangeText(page)).toHaveText(
    new RegExp(`^1–50 av ${(await page.getByTestId("total-count").textContent())!.trim()}$`),
  );

  // One sales unit through the form's select; the choice lands in the URL.
  await page.getByRole("combobox", { name: /^Salgssted/ }).selectOption("212345");
  await page.getByRole("button", { name: "Bruk filtre" }).click();
  await expect(page).toHaveURL(/[?&]msn=212345/);
  await expect
    .poll(async () =>
      page
        .getByTestId("history-table")
        .locator("tbody td[data-msn]")
        .evaluateAll((tds) => [...new Set(tds.map((td) => td.getAttribute("data-msn")))]),
    )
    .toEqual(["212345"]);
  const unitTotal = num(await page.getByTestId("total-count").textContent());
  expect(unitTotal).toBeLessThan(everything);

  // A date preset: in the URL, marked, and the totals follow.
  await page.getByTestId("date-presets").getByRole("link", { name: "Siste 30 dager" }).click();
  await expect(page).toHaveURL(/range=30d/);
  await expect(page.getByTestId("date-presets").locator("[data-preset='30d']")).toHaveAttribute("aria-current", "true");
  await expect(page).toHaveURL(/msn=212345/);
  // The new counts are on screen (not the skeleton) before the chips are read.
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
  await expect(chips(page).locator("[data-status]")).toHaveCount(9);

  // Statuses by their chips, largest first, until there is more than one page of them.
  const statuses = await chips(page)
    .locator("[data-status]")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-status")!));
  const counts = await Promise.all(statuses.map(async (s) => [s, await countOf(page, s)] as const));
  const chosen: string[] = [];
  let total = 0;
  for (const [status, n] of [...counts].sort((a, b) => b[1] - a[1])) {
    if (total > 50) break;
    await chips(page).locator(`[data-status=${status}]`).click();
    chosen.push(status);
    total += n;
    await expect(page).toHaveURL(new RegExp(`status=${status}`));
    await expect(chips(page).locator(`[data-status=${status}]`)).toHaveAttribute("aria-current", "true");
  }
  expect(total).toBeGreaterThan(50);
  await expect.poll(async () => num(await page.getByTestId("total-count").textContent())).toBe(total);
  await expect(page.getByTestId("total-captured")).toHaveText(/^[\d\s ]+,\d\d\s?kr$/);
  await expect(rows(page)).toHaveCount(50);
  const page1 = await orderIds(page);

  // Forward: "51–100 of N" (or fewer on the last page), a cursor in the URL, other rows.
  await page.getByRole("link", { name: /Neste side/ }).click();
  await expect(page).toHaveURL(/after=/);
  const page2 = await settledIds(page, page1);
  expect(page2.filter((id) => page1.includes(id))).toEqual([]);
  await expect(rangeText(page)).toHaveText(
    new RegExp(`^51–${Math.min(100, total)} av ${total >= 1000 ? "\\d" : total}`),
  );
  const page2Url = page.url();
  for (const s of chosen) expect(page2Url).toContain(`status=${s}`);
  await page.reload();
  expect(await settledIds(page)).toEqual(page2);
  await page.getByRole("link", { name: /Forrige side/ }).click();
  await expect.poll(() => orderIds(page)).toEqual(page1);
  await expect(rangeText(page)).toHaveText(/^1–50 av /);

  // Page size 25 from the form.
  await page.getByLabel("Rader per side").selectOption("25");
  await page.getByRole("button", { name: "Bruk filtre" }).click();
  await expect(page).toHaveURL(/size=25/);
  await expect(rows(page)).toHaveCount(25);
  await expect(rangeText(page)).toHaveText(/^1–25 av /);
  // The preset survived the form (the dates it showed were not edited).
  await expect(page).toHaveURL(/range=30d/);

  // Sort by captured (largest first), then by status.
  await page
    .getByRole("columnheader", { name: /^Trukket/ })
    .getByRole("link")
    .click();
  await expect(page).toHaveURL(/sort=captured/);
  await expect
    .poll(async () => {
      const cells = await page.getByTestId("history-table").locator("tbody tr td:nth-child(5)").allTextContents();
      const v = cells.map(ore);
      return v.length === 25 && v.every((x, i) => i === 0 || v[i - 1]! >= x);
    })
    .toBe(true);
  await page
    .getByRole("columnheader", { name: /^Status/ })
    .getByRole("link")
    .click();
  await expect(page).toHaveURL(/sort=status&dir=asc/);
  await expect(page.getByRole("columnheader", { name: /Status/ })).toHaveAttribute("aria-sort", "ascending");

  // The standard CSV: the whole filtered set.
  const csv = await download(page, /Last ned CSV/);
  expect(csv.name).toMatch(/^history-212345-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = csv.bytes
    .toString("utf8")
    .split("\r\n")
    .filter((l) => l !== "");
  expect(lines[0]).toBe(
    "msn,order_id,status,amount_ore,amount_nok,captured_ore,captured_nok,refunded_ore,refunded_nok,created_at_utc,created_at_oslo,transaction_text,bin",
  );
  expect(lines.length - 1).toBe(total);
  for (const line of lines.slice(1)) expect(chosen).toContain(line.split(",")[2]);

  // The Excel CSV: BOM, semicolons, decimal comma, Oslo time Excel reads, Norwegian words.
  const excel = await download(page, /CSV for Excel/);
  expect(excel.name).toMatch(/^history-212345-\d{4}-\d{2}-\d{2}-excel\.csv$/);
  expect([...excel.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const xl = excel.bytes
    .subarray(3)
    .toString("utf8")
    .split("\r\n")
    .filter((l) => l !== "");
  expect(xl[0]).toBe("MSN;Ordre-ID;Status;Beløp (kr);Trukket (kr);Refundert (kr);Opprettet (norsk tid);Tekst;BIN");
  expect(xl.length - 1).toBe(total);
  const first = xl[1]!.split(";");
  expect(first[0]).toBe("212345");
  expect(first[3]).toMatch(/^\d+,\d\d$/);
  expect(first[6]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
});

test("in English: kroner shown as everywhere in the app, 'of' in the paging text, English CSV words", async ({
  page,
  context,
}) => {
  await context.addCookies([{ name: "lang", value: "en", url: "http://127.0.0.1:3200" }]);
  await signInAs(page, "finance", "/history?range=7d&size=100");
  await expect(page.getByRole("heading", { name: "Transaction history" })).toBeVisible();
  await expect(page.getByTestId("date-presets").locator("[data-preset='7d']")).toHaveAttribute("aria-current", "true");
  // Amounts are NOK written the Norwegian way in both languages (the customer's answer is the exception).
  await expect(page.getByTestId("total-reserved")).toHaveText(/^[\d\s]+,\d\d\skr$/);
  await expect(rangeText(page)).toHaveText(/^1–\d+ of [\d,]+$/);
  const excel = await download(page, /CSV for Excel/);
  expect(excel.bytes.subarray(3).toString("utf8")).toMatch(/^MSN;Order ID;Status;Amount \(NOK\)/);
});

test("bad URL values: the page explains each and carries on", async ({ page }) => {
  await signInAs(
    page,
    "finance",
    "/history?sort=amount&dir=asc&min=abc&status=bogus&after=tampered.cursor&size=33&range=yesterday&msn=999999",
  );
  const problems = page.getByTestId("history-problems");
  await expect(problems).toContainText("«abc» er ikke et beløp i kroner");
  await expect(problems).toContainText("«bogus» er ikke en kjent status");
  await expect(problems).toContainText("Lenken til denne siden er ugyldig");
  await expect(problems).toContainText("«33» er ikke en av sidestørrelsene");
  await expect(problems).toContainText("«yesterday» er ikke en kjent periode");
  await expect(problems).toContainText("«999999» er ikke et av salgsstedene dine");
  await expect(rows(page)).toHaveCount(50);
  const amounts = await page.getByTestId("history-table").locator("tbody tr td:nth-child(4)").allTextContents();
  const v = amounts.map(ore);
  expect(v).toEqual([...v].sort((a, b) => a - b));
  await page
    .getByRole("columnheader", { name: /^Beløp/ })
    .getByRole("link")
    .click();
  await expect(page).toHaveURL(/sort=amount/);
  await expect(page).not.toHaveURL(/dir=asc/);

  // Start after end.
  await page.goto("/history?from=2026-05-02&to=2026-05-01");
  await expect(page.getByTestId("history-problems")).toContainText("Fra-datoen er etter til-datoen");
  // A download refuses what the page would leave out.
  expect((await page.request.get("/api/history/export?range=yesterday")).status()).toBe(400);
  expect((await page.request.get("/api/history/export?format=xlsx")).status()).toBe(400);
});

test("support cannot open, or export, a sales unit outside their scope: it looks like a 404", async ({ page }) => {
  await signInAs(page, "support", "/history/212348");
  await expect(page.getByRole("heading", { name: "Fant ikke siden" })).toBeVisible();
  await expect(page.getByTestId("history-table")).toHaveCount(0);
  for (const path of ["/api/history/212348/export", "/api/history/999999/export", "/api/history/export?msn=212348"])
    expect((await page.request.get(path)).status(), path).toBe(404);
  // The old per-unit address leads to the view with that unit chosen.
  await page.goto("/history/212345?status=reserved");
  await expect(page).toHaveURL(/\/history\?status=reserved&msn=212345$/);
  // All their units, and only those, in the select and the rows.
  await page.goto("/history");
  const options = await page
    .getByRole("combobox", { name: /^Salgssted/ })
    .locator("option")
    .allTextContents();
  expect(options).toHaveLength(4);
  expect(options.join()).not.toContain("212348");
  const units = await page
    .getByTestId("history-table")
    .locator("tbody td[data-msn]")
    .evaluateAll((tds) => tds.map((td) => td.getAttribute("data-msn")));
  expect(units).not.toContain("212348");
});

test("a developer without payment access gets the 403 page and no export", async ({ page }) => {
  await signInAs(page, "developer", "/history");
  await expect(page.getByRole("heading", { name: "Ingen tilgang" })).toBeVisible();
  expect((await page.request.get("/api/history/export")).status()).toBe(403);
  expect((await page.request.get("/api/history/212345/export")).status()).toBe(403);
});

test("at phone width the column heads give way to a row of sort links that sort the cards", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, "finance");
  await page.goto("/history");
  const sorts = page.getByTestId("phone-sort");
  await expect(sorts).toBeVisible();
  await sorts.getByRole("link", { name: /Beløp/ }).click();
  await expect(page).toHaveURL(/sort=amount/);
  await expect(sorts.getByRole("link", { name: /Beløp/ })).toHaveAttribute("aria-current", "true");
  await settledIds(page);
  const amounts = (await rows(page).locator("td[data-label='Beløp']").allTextContents()).map(ore);
  expect(amounts.length).toBeGreaterThan(1);
  expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
  // Again: the other way round.
  await sorts.getByRole("link", { name: /Beløp/ }).click();
  await expect(page).toHaveURL(/dir=asc/);
  await expect
    .poll(async () => {
      const now = (await rows(page).locator("td[data-label='Beløp']").allTextContents()).map(ore);
      return now.length > 1 && now.join() === [...now].sort((a, b) => a - b).join() && now[0]! < amounts[0]!;
    })
    .toBe(true);
});

test("a page full of links asks the server for nothing more until a link is followed, which still navigates in place", async ({
  page,
}) => {
  // Prefetches of these dynamic pages brought back only the route outline, but each ran the
  // server's layouts: one history page used to fire about 75 of them.
  const prefetches: string[] = [];
  page.on("request", (r) => {
    if (r.headers()["next-router-prefetch"]) prefetches.push(r.url());
  });
  await signInAs(page, "finance");
  await page.goto("/history");
  await settledIds(page);
  await page.mouse.wheel(0, 4000);
  await page.getByTestId("history-table").locator("tbody tr").first().hover();
  await page.waitForTimeout(1500); // viewport and hover prefetches go out at once, when they do
  expect(prefetches).toEqual([]);
  // A followed link is a client-side navigation: the page is not reloaded (the marker survives).
  await page.evaluate(() => ((window as unknown as { __stay: boolean }).__stay = true));
  const first = rows(page).first().locator("td:first-child a");
  const orderId = (await first.textContent())!;
  await first.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(orderId);
  expect(await page.evaluate(() => (window as unknown as { __stay?: boolean }).__stay)).toBe(true);
});
