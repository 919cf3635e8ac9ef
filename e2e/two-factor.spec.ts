import { expect, test, type Page } from "@playwright/test";
import { generate } from "otplib";
import { signIn } from "./helpers";

// Created by scripts/test.ts for this journey only: enrolling it changes no other journey's sign-in.
const USER = { email: "two-factor@e2e.test", password: "right-password-e2e" };

/** The code the app shows for the next 30-second step: a step already used never works again. */
const nextCode = (secret: string) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Logg ut", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
}

async function submitCode(page: Page, code: string) {
  await page.getByTestId("sign-in-code").fill(code);
  await page.getByTestId("code-step").getByRole("button", { name: "Bekreft" }).click();
}

test("enrol with the secret as text, then sign in with password + code, then with a recovery code once", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto("/login");
  await signIn(page, USER.email, USER.password);
  await expect(page.getByTestId("whoami")).toContainText(USER.email);

  await page.goto("/account/security");
  await expect(page.getByTestId("two-factor-state")).toHaveAttribute("data-on", "false");
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await expect(page.getByRole("img", { name: "QR-kode for autentiseringsappen" })).toBeVisible();

  // A wrong code is refused in words, and nothing is turned on.
  await page.getByTestId("enrol-code").fill("000000");
  await page.getByRole("button", { name: "Slå på" }).click();
  await expect(page.getByTestId("enrol-error")).toContainText("Koden stemmer ikke");
  await page.getByTestId("enrol-code").fill(await generate({ secret }));
  await page.getByRole("button", { name: "Slå på" }).click();
  await expect(page.getByTestId("recovery-code")).toHaveCount(10);
  const codes = await page.getByTestId("recovery-code").allInnerTexts();
  await page.getByTestId("recovery-codes-done").click();
  await expect(page.getByTestId("two-factor-state")).toHaveAttribute("data-on", "true");

  // Password, then the code step: a wrong code says so; the right one signs in.
  await signOut(page);
  await signIn(page, USER.email, USER.password);
  await expect(page.getByTestId("code-step")).toBeVisible();
  await expect(page.getByTestId("signing-in-as")).toContainText(USER.email);
  await expect(page.locator("input[name=password]")).toHaveCount(0);
  await submitCode(page, "000000");
  await expect(page.getByTestId("login-error")).toHaveText(
    "Koden stemmer ikke, eller er allerede brukt. Vent på neste kode i appen og prøv igjen.",
  );
  await submitCode(page, await nextCode(secret));
  await expect(page.getByTestId("whoami")).toContainText(USER.email);

  // A recovery code instead of the app: it works once.
  await signOut(page);
  await signIn(page, USER.email, USER.password);
  await page.getByTestId("toggle-recovery").click();
  await expect(page.getByLabel("Gjenopprettingskode")).toBeVisible();
  await submitCode(page, codes[0]!);
  await expect(page.getByTestId("whoami")).toContainText(USER.email);
  await signOut(page);
  await signIn(page, USER.email, USER.password);
  await page.getByTestId("toggle-recovery").click();
  await submitCode(page, codes[0]!);
  await expect(page.getByTestId("login-error")).toContainText("Koden stemmer ikke");
  await expect(page.getByTestId("whoami")).toHaveCount(0);

  // Giving up goes back to the password.
  await page.getByTestId("start-over").click();
  await expect(page.locator("input[name=password]")).toBeVisible();
});
