import { expect, test } from "@playwright/test";
import { demo, signIn, submitLogin } from "./helpers";

// Created by scripts/test.ts for this spec only, so locking it does not disturb other journeys.
const LOCKOUT_USER = { email: "lockout@e2e.test", password: "right-password-e2e" };

test("wrong password and unknown email get the same message", async ({ page }) => {
  await page.goto("/login");
  await signIn(page, demo("admin").email, "not-the-password");
  await expect(page.getByTestId("login-error")).toHaveText("Feil e-post eller passord.");
  await signIn(page, "nobody@demo.merchantops.no", "not-the-password");
  await expect(page.getByTestId("login-error")).toHaveText("Feil e-post eller passord.");
  await expect(page).toHaveURL(/\/login/);
});

test("empty, oversized and malformed fields get specific messages", async ({ page }) => {
  await page.goto("/login");
  await submitLogin(page);
  await expect(page.getByTestId("login-error")).toHaveText("Skriv inn e-postadressen din.");
  await signIn(page, "ikke-en-adresse", "x");
  await expect(page.getByTestId("login-error")).toHaveText("Det ser ikke ut som en e-postadresse.");
  await signIn(page, demo("admin").email, "");
  await expect(page.getByTestId("login-error")).toHaveText("Skriv inn passordet ditt.");
  await signIn(page, demo("admin").email, "x".repeat(1500));
  await expect(page.getByTestId("login-error")).toHaveText("Feltet er for langt (maks 1 KB).");
});

test("10 failures lock the account for 15 minutes, and the page says so", async ({ page }) => {
  await page.goto("/login");
  for (let i = 1; i <= 9; i++) {
    await signIn(page, LOCKOUT_USER.email, `wrong-${i}`);
    await expect(page.getByTestId("login-error")).toHaveText("Feil e-post eller passord.");
  }
  await signIn(page, LOCKOUT_USER.email, "wrong-10");
  await expect(page.getByTestId("login-error")).toContainText("For mange mislykkede forsøk. Kontoen er låst til");
  // Even the right password is refused while locked.
  await signIn(page, LOCKOUT_USER.email, LOCKOUT_USER.password);
  await expect(page.getByTestId("login-error")).toContainText("Kontoen er låst til");
  await expect(page).toHaveURL(/\/login/);
});

test("a signed-out visit to a deep link returns there after sign-in", async ({ page }) => {
  await page.goto("/admin/users?tab=all");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Fusers%3Ftab%3Dall/);
  await signIn(page, demo("admin").email, demo("admin").password);
  await expect(page).toHaveURL(/\/admin\/users\?tab=all$/);
  await expect(page.getByRole("heading", { name: "Brukere" })).toBeVisible();
});

test("a callbackUrl to another site is ignored", async ({ page }) => {
  await page.goto("/login?callbackUrl=https%3A%2F%2Fevil.example%2F");
  await signIn(page, demo("support").email, demo("support").password);
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
});

test("a forged session cookie is refused", async ({ page, context, baseURL }) => {
  await context.addCookies([
    {
      name: "authjs.session-token",
      value: "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.forged.forged.forged.forged",
      url: baseURL!,
    },
  ]);
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/login/);
  const api = await page.request.get("/api/auth/session");
  expect(await api.json()).toBeNull();
});

test("a role or MSN smuggled into the sign-in form changes nothing", async ({ page }) => {
  await page.goto("/login");
  await page.locator("form:has(input[name=password])").evaluate((form) => {
    const smuggled: [string, string][] = [
      ["role", "admin"],
      ["msns", "999999"],
      ["id", "00000000-0000-0000-0000-000000000000"],
    ];
    for (const [name, value] of smuggled) {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.value = value;
      form.appendChild(input);
    }
  });
  await signIn(page, demo("support").email, demo("support").password);
  await expect(page.getByTestId("role")).toHaveText("Kundeservice");
  await expect(page.getByRole("navigation").getByRole("link", { name: "Brukere" })).toHaveCount(0);
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "Ingen tilgang" })).toBeVisible();
});

test("the login page lists the demo users in demo mode", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByTestId("demo-users")).toContainText(demo("finance").email);
});
