// The home page per role: figures for today and 7 days (payment readers), and what needs attention,
// only what the role may act on. Where each attention item links is checked against the data in
// tests/integration/home-attention.test.ts (the demo data need not have work waiting).
import { expect, test } from "@playwright/test";
import { signInAs } from "./helpers";

test("finance opens on the figures and the work waiting, and the links open the filtered views", async ({ page }) => {
  await signInAs(page, "finance");
  const figures = page.getByTestId("figures");
  await expect(figures).toContainText("I dag");
  await expect(figures).toContainText("Siste 7 dager");
  await expect(figures).toContainText("Reservert, venter på trekk");
  const attention = page.getByTestId("attention");
  await expect(attention.getByRole("heading", { name: "Trenger oppmerksomhet" })).toBeVisible();
  // Developers' items are not finance's to act on.
  await expect(attention.getByTestId("attention-spikes")).toHaveCount(0);
  await expect(attention.getByTestId("attention-missing_callbacks")).toHaveCount(0);
  // The week's payments open the history for the last 7 days.
  await figures
    .getByRole("row", { name: /Betalinger/ })
    .getByRole("link")
    .nth(1)
    .click();
  await expect(page).toHaveURL(/\/history\?range=7d$/);
  await expect(page.getByTestId("date-presets").locator("[data-preset='7d']")).toHaveAttribute("aria-current", "true");
  await page.goBack();
  await figures
    .getByRole("row", { name: /Feilet/ })
    .getByRole("link")
    .nth(1)
    .click();
  await expect(page).toHaveURL(/\/history\?range=7d&status=failed$/);
});

test("support gets figures but no money or developer work; a developer gets no payment figures", async ({
  browser,
}) => {
  const support = await browser.newPage();
  await signInAs(support, "support");
  await expect(support.getByTestId("figures")).toBeVisible();
  for (const kind of ["guarantee_ending", "half_limit", "money_unresolved", "awaiting_approval", "spikes"])
    await expect(support.getByTestId(`attention-${kind}`)).toHaveCount(0);
  await expect(support.getByTestId("attention")).toContainText("Ingenting venter på deg akkurat nå.");

  const developer = await browser.newPage();
  await signInAs(developer, "developer");
  await expect(developer.getByTestId("attention")).toBeVisible();
  await expect(developer.getByTestId("figures")).toHaveCount(0);
  await expect(developer.getByTestId("attention-guarantee_ending")).toHaveCount(0);
});
