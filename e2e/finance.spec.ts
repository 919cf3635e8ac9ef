// The capture queue (/finance): finance selects several reserved payments, captures them in one go
// (a double click queues one batch), watches them go in the background, and reads the report;
// releasing several asks for the total typed to confirm. Support never sees the queue.
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./helpers";

async function pick(page: Page, count: number): Promise<string[]> {
  const rows = page.getByTestId("queue-row").filter({ has: page.locator("input[type=checkbox]:enabled") });
  const picked: string[] = [];
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i);
    picked.push((await row.getByRole("link").innerText()).trim());
    await row.getByRole("checkbox").check();
  }
  return picked;
}

test("capture several payments from the queue: one batch, in the background, with a report", async ({ page }) => {
  await signInAs(page, "finance");
  await page.getByRole("navigation").getByRole("link", { name: "Trekk-kø" }).click();
  await expect(page).toHaveURL(/\/finance$/);
  await page.getByLabel("Salgssted").selectOption("212345");
  await page.getByRole("button", { name: "Vis" }).click();
  await expect(page).toHaveURL(/msn=212345/);
  await expect(page.getByTestId("queue-totals")).toContainText("igjen å trekke");

  const picked = await pick(page, 3);
  await expect(page.getByTestId("queue-actions")).toContainText("3 valgt");
  await page.getByTestId("capture-selected").click();
  const dialog = page.getByTestId("batch-dialog");
  await expect(dialog.getByRole("heading")).toHaveText("Trekk 3 betalinger");
  await expect(dialog).toContainText("(212345): 3");
  await dialog.getByTestId("batch-submit").dblclick();

  await expect(page).toHaveURL(/\/finance\/batches\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("batch-status")).toHaveAttribute("data-finished", "true", { timeout: 20_000 });
  const items = page.getByTestId("batch-item");
  await expect(items).toHaveCount(3);
  await expect(items.and(page.locator("[data-state=succeeded]"))).toHaveCount(3);
  await expect(page.getByTestId("batch-report")).toContainText("Lyktes");
  for (const orderId of picked) await expect(page.getByTestId("batch-items")).toContainText(orderId);

  // Captured, so no longer in the queue; and the double click queued one batch, not two.
  await page.goto("/finance?msn=212345");
  for (const orderId of picked) await expect(page.getByTestId("capture-queue")).not.toContainText(orderId);
  await expect(page.getByTestId("recent-batches").locator("li", { hasText: "Trekk · 3 betalinger" })).toHaveCount(1);
  // Each payment's page shows the capture, with who did it.
  await page.goto(`/payments/212345/${picked[0]}`);
  await expect(page.getByTestId("timeline")).toContainText("Finn Økonomi");
});

test("releasing several asks for the total typed to confirm", async ({ page }) => {
  await signInAs(page, "finance", "/finance?msn=212347");
  await pick(page, 2);
  const total = (await page.getByTestId("queue-actions").locator("p").innerText()).split("·")[1]!.trim();
  await page.getByRole("button", { name: "Frigi valgte" }).click();
  const dialog = page.getByTestId("batch-dialog");
  await dialog.getByRole("textbox").fill("1");
  await dialog.getByTestId("batch-submit").click();
  await expect(dialog.getByTestId("batch-error")).toContainText("stemmer ikke med totalen");
  await dialog.getByRole("textbox").fill(total.replace(/\s*kr$/, ""));
  await dialog.getByTestId("batch-submit").click();
  await expect(page.getByTestId("batch-status")).toHaveAttribute("data-finished", "true", { timeout: 20_000 });
  await expect(page.getByTestId("batch-item").and(page.locator("[data-state=succeeded]"))).toHaveCount(2);
  await expect(page.getByTestId("batch-report")).toContainText("Frigitt");
});

test("support has no capture queue", async ({ page }) => {
  await signInAs(page, "support");
  await expect(page.getByRole("navigation").getByRole("link", { name: "Trekk-kø" })).toHaveCount(0);
  const res = await page.goto("/finance");
  expect(res?.status()).toBe(403);
});

test("at phone width 'select all visible' stands above the cards and selects every free row", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, "finance");
  await page.goto("/finance");
  const all = page.getByRole("checkbox", { name: "Velg alle synlige" });
  await expect(all).toHaveCount(1); // the head's box is hidden with the heads
  await all.check();
  const free = await page.getByTestId("queue-row").locator("input[type=checkbox]:enabled").count();
  expect(free).toBeGreaterThan(1);
  await expect(page.getByTestId("queue-actions")).toContainText(`${free} valgt`);
  await all.uncheck();
  await expect(page.getByTestId("queue-actions")).toHaveCount(0);
});
