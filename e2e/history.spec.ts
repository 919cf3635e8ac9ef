// Transaction history: finance filters by status, pages forward and back, reloads a deep link,
// and exports the filtered set; support cannot open a sales unit outside their scope.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./helpers";

const rows = (page: Page) => page.getByTestId("history-table").locator("tbody tr");
const orderIds = (page: Page) => page.getByTestId("history-table").locator("tbody tr td:first-child").allTextContents();
const chips = (page: Page) => page.getByTestId("status-chips");
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

test("finance filters the history by status, pages forward and back, reloads, and exports CSV", async ({ page }) => {
  await signInAs(page, "finance", "/history/212345");
  await expect(page).toHaveURL(/\/history\/212345$/);
  await expect(page.getByRole("heading", { name: "Transaksjonshistorikk" })).toBeVisible();
  await expect(rows(page)).toHaveCount(50);

  // Choose statuses by their chips, largest first, until there is more than one page of them.
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
  await expect
    .poll(async () => Number((await page.getByTestId("history-total").textContent())?.replace(/\D/g, "")))
    .toBe(total);
  await expect(rows(page)).toHaveCount(50);
  const page1 = await orderIds(page);

  // Forward: a new cursor in the URL, other rows.
  await page.getByRole("link", { name: /Neste side/ }).click();
  await expect(page).toHaveURL(/after=/);
  const page2 = await settledIds(page, page1);
  expect(page2.filter((id) => page1.includes(id))).toEqual([]);
  const page2Url = page.url();
  for (const s of chosen) expect(page2Url).toContain(`status=${s}`);

  // The URL is the state: a reload shows the same page.
  await page.reload();
  expect(page.url()).toBe(page2Url);
  expect(await settledIds(page)).toEqual(page2);

  // Back: the first page again.
  await page.getByRole("link", { name: /Forrige side/ }).click();
  await expect.poll(() => orderIds(page)).toEqual(page1);
  await expect(page.getByText(/Forrige side/)).toHaveAttribute("aria-disabled", "true");

  // Export the whole filtered set (not just the page).
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: /Last ned CSV/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^history-212345-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  const lines = csv.split("\r\n").filter((l) => l !== "");
  expect(lines[0]).toBe(
    "msn,order_id,status,amount_ore,amount_nok,captured_ore,captured_nok,refunded_ore,refunded_nok,created_at_utc,created_at_oslo,transaction_text,bin",
  );
  expect(lines.length - 1).toBeGreaterThan(0);
  expect(lines.length - 1).toBe(total);
  for (const line of lines.slice(1)) expect(chosen).toContain(line.split(",")[2]);
});

test("sorting by amount and bad URL values: the page explains and carries on", async ({ page }) => {
  await signInAs(page, "finance", "/history/212345?sort=amount&dir=asc&min=abc&status=bogus&after=tampered.cursor");
  await expect(page.getByTestId("history-problems")).toContainText("«abc» er ikke et beløp i kroner");
  await expect(page.getByTestId("history-problems")).toContainText("«bogus» er ikke en kjent status");
  await expect(page.getByTestId("history-problems")).toContainText("Lenken til denne siden er ugyldig");
  await expect(rows(page)).toHaveCount(50);
  const amounts = await page.getByTestId("history-table").locator("tbody tr td:nth-child(3)").allTextContents();
  const ore = amounts.map((a) => Number(a.replace(/[^\d]/g, "")));
  expect(ore).toEqual([...ore].sort((a, b) => a - b));
  // Flipping the sort from the column head.
  await page.getByRole("link", { name: /^Beløp/ }).click();
  await expect(page).toHaveURL(/sort=amount/);
  await expect(page).not.toHaveURL(/dir=asc/);
});

test("support cannot open, or export, a sales unit outside their scope: it looks like a 404", async ({ page }) => {
  await signInAs(page, "support", "/history/212348");
  await expect(page.getByRole("heading", { name: "Fant ikke siden" })).toBeVisible();
  await expect(page.getByTestId("history-table")).toHaveCount(0);
  expect((await page.request.get("/api/history/212348/export")).status()).toBe(404);
  expect((await page.request.get("/api/history/999999/export")).status()).toBe(404);
  // Their own sales units work, and the switcher lists only those.
  await page.goto("/history");
  await expect(page).toHaveURL(/\/history\/212345$/);
  await expect(page.getByTestId("history-sales-units").getByRole("link")).toHaveCount(3);
  await expect(page.getByTestId("history-sales-units")).not.toContainText("212348");
});

test("a developer without payment access gets the 403 page and no export", async ({ page }) => {
  await signInAs(page, "developer", "/history/212345");
  await expect(page.getByRole("heading", { name: "Ingen tilgang" })).toBeVisible();
  expect((await page.request.get("/api/history/212345/export")).status()).toBe(403);
});
