import { expect, test } from "@playwright/test";
import { demo, navLinks, signInAs } from "./helpers";

const expectations = {
  admin: {
    role: "Administrator",
    nav: [
      "Oppslag",
      "Historikk",
      "Importer betalinger",
      "Trekk-kø",
      "Godkjenninger",
      "Salgssteder",
      "API-feil",
      "API-logg",
      "Brukere",
      "API-nøkler",
      "Revisjonslogg",
    ],
    denied: [] as string[],
  },
  finance: {
    role: "Økonomi",
    nav: ["Oppslag", "Historikk", "Importer betalinger", "Trekk-kø", "Godkjenninger", "Salgssteder"],
    denied: ["/admin/users", "/api-log", "/admin/audit"],
  },
  support: {
    role: "Kundeservice",
    nav: ["Oppslag", "Historikk", "Importer betalinger", "Salgssteder"],
    denied: ["/admin/users", "/api-log", "/finance"],
  },
  developer: {
    role: "Utvikler",
    nav: ["Oversikt", "Salgssteder", "API-feil", "API-logg"],
    denied: ["/admin/users", "/finance"],
  },
} as const;

for (const [role, want] of Object.entries(expectations) as [
  keyof typeof expectations,
  (typeof expectations)[keyof typeof expectations],
][]) {
  test(`${role} sees their role, their sections and nothing more`, async ({ page }) => {
    await signInAs(page, role);
    await expect(page.getByTestId("role")).toHaveText(want.role);
    await expect(navLinks(page)).toHaveText([...want.nav]);
    await expect(page.getByTestId("my-sales-units")).toContainText("Fjellsport Nettbutikk");
    for (const path of want.denied) {
      await page.goto(path);
      await expect(page.getByRole("heading", { name: "Ingen tilgang" })).toBeVisible();
      await expect(page.getByText(want.role, { exact: false }).first()).toBeVisible();
    }
  });
}

test("each role is told only what the app lets it do today", async ({ browser }) => {
  const finance = await browser.newPage();
  await signInAs(finance, "finance");
  await expect(finance.getByTestId("abilities")).toContainText("Slå opp betalinger");
  await expect(finance.getByTestId("abilities")).toContainText("Trekke, frigi, kansellere og refundere betalinger");
  const support = await browser.newPage();
  await signInAs(support, "support");
  await expect(support.getByTestId("abilities")).not.toContainText("refundere");
  const admin = await browser.newPage();
  await signInAs(admin, "admin");
  await expect(admin.getByTestId("abilities")).toContainText("Legge til salgssteder");
  await expect(admin.getByTestId("abilities")).toContainText("lage API-nøkler");
});

test("admin sees every user with role and sales units", async ({ page }) => {
  await signInAs(page, "admin", "/admin/users");
  const table = page.getByTestId("users");
  for (const role of ["admin", "finance", "support", "developer"] as const)
    await expect(table).toContainText(demo(role).email);
});

test("sales units list never exposes stored keys", async ({ page }) => {
  await signInAs(page, "finance", "/sales-units");
  await expect(page.getByTestId("sales-units")).toContainText("Lagret (kryptert)");
  expect(await page.content()).not.toMatch(/clientSecret|subscriptionKey|credentialsEncrypted/);
  await page.getByRole("button", { name: "Logg ut", exact: true }).click();
  // Admins manage them on their own page, which says only whether keys are set.
  await signInAs(page, "admin", "/sales-units");
  await expect(page).toHaveURL(/\/admin\/sales-units$/);
  await expect(page.getByTestId("sales-unit-212345")).toContainText("Nøkler satt");
  expect(await page.content()).not.toMatch(/credentialsEncrypted/);
});

test("sign out ends the session", async ({ page }) => {
  await signInAs(page, "support");
  await page.getByRole("button", { name: "Logg ut", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/sales-units");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fsales-units/);
});

test("a signed-in user gets a useful 404", async ({ page }) => {
  await signInAs(page, "support");
  const response = await page.goto("/finnes-ikke");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Fant ikke siden" })).toBeVisible();
  await page.getByRole("link", { name: "Til oversikten" }).click();
  await expect(page.getByTestId("whoami")).toBeVisible();
});
