// The audit trail (/admin/audit): an admin filters by action, sees the rows, downloads the CSV (and
// finds the download in the trail, like the request log's); bad filter values are explained and left
// out (a download refuses them); at phone width a card per row; other roles are refused, page and CSV
// alike.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { demo, navLinks, signInAs } from "./helpers";

test("an admin filters by action, sees the rows, and downloads them as CSV", async ({ page }) => {
  await signInAs(page, "admin", "/admin/audit");
  await expect(page.getByRole("heading", { name: "Revisjonslogg" })).toBeVisible();
  await expect(navLinks(page).filter({ hasText: "Revisjonslogg" })).toHaveAttribute("aria-current", "page");

  const filters = page.getByTestId("audit-filters");
  await filters.getByLabel("Handling").selectOption({ label: "Innlogging" });
  await filters.getByLabel("Hvem (e-post)").fill("ADMIN@demo");
  await filters.getByRole("button", { name: "Vis" }).click();
  await expect(page).toHaveURL(/action=sign_in/);
  await expect(page).toHaveURL(/who=ADMIN%40demo/);
  const rows = page.getByTestId("audit-row");
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  for (let i = 0; i < count; i++) {
    await expect(rows.nth(i)).toContainText("Innlogging");
    await expect(rows.nth(i)).toContainText(demo("admin").email);
  }

  const downloading = page.waitForEvent("download");
  await page.getByTestId("audit-export").click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = (await readFile((await download.path())!, "utf8")).split("\r\n").filter((l) => l !== "");
  expect(lines[0]).toBe("id,at_utc,at_oslo,user_id,user_email,action,outcome,msn,order_id,details");
  expect(lines.length - 1).toBe(count);
  for (const line of lines.slice(1)) expect(line.split(",").slice(4, 6)).toEqual([demo("admin").email, "sign_in"]);

  // The download is in the trail too.
  await page.goto("/admin/audit?action=audit_exported");
  await expect(rows.first()).toContainText("Revisjonslogg lastet ned");
  await expect(rows.first()).toContainText("action=sign_in");
});

test("every download lands in the trail; a download refuses bad filters instead of leaving them out", async ({
  page,
}) => {
  await signInAs(page, "admin", "/admin/audit");
  const log = await page.request.get("/api/api-log/export?range=1h&status=errors");
  expect(log.status()).toBe(200);
  expect((await log.text()).split("\r\n")[0]).toMatch(/^at_utc,at_oslo,source,msn,/);
  const bad = await page.request.get("/api/audit/export?range=24h&action=drop_table");
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ error: "invalid_input", problems: [{ field: "action", error: "invalid" }] });

  await page.goto("/admin/audit?action=api_log_exported");
  await expect(page.getByTestId("audit-row").first()).toContainText("API-logg lastet ned");
  await expect(page.getByTestId("audit-row").first()).toContainText("status=errors");
});

test("bad filter values are explained and left out; a phone gets one card per row", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, "admin", "/admin/audit?action=drop_table&msn=12&outcome=sign_in");
  const alert = page.getByTestId("audit-filters").getByRole("alert");
  await expect(alert).toContainText("Handling: «drop_table» er ikke en gyldig verdi og er utelatt.");
  await expect(alert).toContainText("Salgssted: «12» er ikke en gyldig verdi og er utelatt.");
  await expect(alert).toContainText("Utfall: «sign_in» er ikke en gyldig verdi og er utelatt.");
  await expect(page.getByTestId("audit-card").first()).toBeVisible();
  await expect(page.getByTestId("audit")).toBeHidden();
});

test("support may not read the audit trail: no menu entry, 403 for the page and the CSV", async ({ page }) => {
  await signInAs(page, "support");
  await expect(navLinks(page).filter({ hasText: "Revisjonslogg" })).toHaveCount(0);
  const res = await page.goto("/admin/audit");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Ingen tilgang" })).toBeVisible();
  const csv = await page.request.get("/api/audit/export?range=24h");
  expect(csv.status()).toBe(403);
  expect(await csv.json()).toMatchObject({ error: "forbidden" });
});
