// Accessibility: every main page, for the role that uses it, at desktop and phone width, has no
// serious or critical axe violation (WCAG 2.1 A and AA rules).
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./helpers";

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")} — ${n.failureSummary?.split("\n")[1] ?? ""}`),
      count: v.nodes.length,
    }));
}

const PAGES: Record<"admin" | "support" | "developer" | "finance", string[]> = {
  admin: [
    "/admin/users",
    "/admin/users/new",
    "/admin/sales-units",
    "/admin/sales-units/new",
    "/admin/sales-units/212345",
    "/admin/sales-units/partner-keys",
    "/admin/api-keys",
    "/admin/audit",
    "/account",
    "/account/security",
    "/errors/alerts",
  ],
  support: ["/", "/?q=ORD-3101", "/history", "/payments/212345/ORD-3101", "/import", "/sales-units"],
  finance: ["/finance", "/approvals", "/payments/212345/ORD-3101"],
  developer: ["/", "/errors", "/api-log"],
};

for (const [width, label] of [
  [1280, "desktop"],
  [390, "phone"],
] as const) {
  for (const [role, paths] of Object.entries(PAGES) as [keyof typeof PAGES, string[]][]) {
    test(`${role}'s pages have no serious accessibility violations (${label})`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width, height: 900 });
      await signInAs(page, role);
      const found: Record<string, unknown> = {};
      for (const path of paths) {
        await page.goto(path);
        await page.waitForLoadState("networkidle");
        const v = await seriousViolations(page);
        if (v.length) found[path] = v;
      }
      expect(found).toEqual({});
    });
  }
}

test("the command palette with results, and a toast, have no serious accessibility violations", async ({ page }) => {
  await signInAs(page, "finance", "/payments/212345/ORD-3101");
  await page.getByRole("button", { name: "Hent på nytt fra Vipps" }).click();
  await expect(page.locator("[data-sonner-toast]")).toHaveCount(1);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Hopp til …" }).click();
  await expect(page.getByTestId("palette").getByRole("combobox")).toBeFocused();
  await page.keyboard.type("ORD-31");
  await expect(page.getByTestId("palette-payment").first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("the sign-in page has no serious accessibility violations", async ({ page }) => {
  await page.goto("/login");
  expect(await seriousViolations(page)).toEqual([]);
});

test("search comes before the menu in tab order on the lookup page", async ({ page }) => {
  await signInAs(page, "support");
  await page.goto("/");
  await page.keyboard.press("Tab"); // the skip link
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("orderId, transaksjons-ID, beløp eller tekst")).toBeFocused();
});

test("at phone width the menu opens as a dialog that traps focus, reaches every entry and gives focus back", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, "admin", "/admin/users");
  const button = page.getByTestId("menu-button");
  await expect(button).toBeVisible();
  // The wide sidebar is not there to confuse anyone.
  await expect(page.getByRole("navigation", { name: "Hovedmeny" })).toHaveCount(0);
  await button.click();
  const menu = page.getByRole("dialog", { name: "Hovedmeny" });
  await expect(menu).toBeVisible();
  const links = menu.getByRole("navigation").getByRole("link");
  await expect(links).toHaveCount(11);
  for (const link of await links.all()) await expect(link).toBeInViewport();
  // Tab cycles inside the dialog.
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press("Tab");
    expect(await menu.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  await expect(button).toBeFocused();
  // Following a link closes it.
  await button.click();
  await menu.getByRole("link", { name: "Revisjonslogg" }).click();
  await expect(page).toHaveURL(/\/admin\/audit/);
  await expect(menu).toHaveCount(0);
  await expect(page.getByTestId("whoami").first()).toBeHidden();
});
