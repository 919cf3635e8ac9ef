// People (issue 11): an admin creates a support user limited to one sales unit; the invitation link
// sets a password once; the user signs in and sees only that sales unit; deactivating the user ends
// the open session at its next request; my account changes my password and ends my other sessions.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { generate } from "otplib";
import { signIn, signInAs } from "./helpers";

const PASSWORD = "grønn elg hopper over gjerdet";

async function createUser(page: Page, name: string, email: string, role: string, unit: string) {
  await page.goto("/admin/users");
  await page.getByTestId("new-user").click();
  await page.getByLabel("Navn").fill(name);
  await page.getByLabel("E-post").fill(email);
  await page.getByRole("radio", { name: new RegExp(`^${role}`) }).check();
  await page.getByRole("checkbox", { name: new RegExp(unit) }).check();
  await page.getByRole("button", { name: "Opprett og lag invitasjon" }).click();
  await expect(page.getByTestId("password-link")).toBeVisible();
  return (await page.getByTestId("password-link-url").textContent())!.trim();
}

async function usePasswordLink(browser: Browser, link: string, password: string) {
  const page = await browser.newPage();
  await page.goto(link);
  await page.getByLabel("Nytt passord", { exact: true }).fill(password);
  await page.getByLabel("Gjenta det nye passordet").fill(password);
  await page.getByRole("button", { name: "Lagre passordet" }).click();
  return page;
}

test("an admin invites a support user for one sales unit, who sets a password once and sees only that unit", async ({
  page,
  browser,
}) => {
  await signInAs(page, "admin", "/admin/users");
  const email = `kari-${Date.now()}@butikk.no`;
  const link = await createUser(page, "Kari Kundeservice", email, "Kundeservice", "Fjellsport Nettbutikk");
  expect(link).toMatch(/\/set-password\/[A-Za-z0-9_-]{43}$/);
  await page.goto("/admin/users");
  await expect(page.getByTestId(`user-${email}`)).toContainText("Invitert");

  // A weak password is explained and changes nothing; a good one is saved.
  const person = await usePasswordLink(browser, link, "password1234");
  await expect(person.getByTestId("password-message")).toContainText("for lett å gjette");
  await person.getByLabel("Nytt passord", { exact: true }).fill(PASSWORD);
  await person.getByLabel("Gjenta det nye passordet").fill(PASSWORD);
  await person.getByRole("button", { name: "Lagre passordet" }).click();
  await expect(person.getByTestId("password-message")).toContainText("Passordet er lagret");

  // The link works once.
  const again = await browser.newPage();
  await again.goto(link);
  await expect(again.getByTestId("link-problem")).toContainText("allerede brukt");
  await again.close();

  // Signed in, the user enrols a second factor from their account page …
  await person.getByRole("link", { name: "Til innlogging" }).click();
  await signIn(person, email, PASSWORD);
  await expect(person.getByTestId("whoami")).toContainText(email);
  await person.getByTestId("my-account").click();
  await person.getByTestId("manage-two-factor").click();
  const secret = (await person.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
  await person.getByTestId("enrol-code").fill(await generate({ secret }));
  await person.getByRole("button", { name: "Slå på" }).click();
  await expect(person.getByTestId("recovery-code")).toHaveCount(10);
  await person.getByTestId("recovery-codes-done").click();
  // … signs out, and back in with the password and a code (the next step's: one is never reused) …
  await person.getByRole("button", { name: "Logg ut", exact: true }).click();
  await expect(person).toHaveURL(/\/login/);
  await signIn(person, email, PASSWORD);
  await expect(person.getByTestId("code-step")).toBeVisible();
  await person.getByTestId("sign-in-code").fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
  await person.getByTestId("code-step").getByRole("button", { name: "Bekreft" }).click();
  await expect(person.getByTestId("whoami")).toContainText(email);
  // … and sees their one sales unit and nothing of the others.
  await expect(person.getByTestId("my-sales-units")).toContainText("Fjellsport Nettbutikk");
  await person.goto("/history");
  await expect(person.locator("body")).not.toContainText("Fjellsport Kiosk");

  // The admin deactivates the user: the open session ends at its next request.
  await page.goto("/admin/users");
  await page.getByTestId(`user-${email}`).getByRole("link").click();
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Deaktiver" }).click();
  await expect(page.getByTestId("status-message")).toContainText("1 økter ble avsluttet");
  await person.goto("/");
  await expect(person).toHaveURL(/\/login/);
  await person.close();
});

test("my account: a wrong current password is refused; a new one ends my other sessions", async ({ page, browser }) => {
  await signInAs(page, "admin", "/admin/users");
  const email = `ola-${Date.now()}@butikk.no`;
  const link = await createUser(page, "Ola Økonomi", email, "Økonomi", "Fjellsport Nettbutikk");
  const person = await usePasswordLink(browser, link, PASSWORD);
  await expect(person.getByTestId("password-message")).toContainText("Passordet er lagret");
  await person.goto("/login");
  await signIn(person, email, PASSWORD);
  const other = await browser.newPage();
  await other.goto("/login");
  await signIn(other, email, PASSWORD);

  await person.getByTestId("my-account").click();
  await expect(person.getByTestId("my-sessions").locator("li")).toHaveCount(2);
  await expect(person.getByTestId("my-sessions")).toContainText("Denne økten");
  await person.getByLabel("Nåværende passord").fill("not my password");
  await person.getByLabel("Nytt passord", { exact: true }).fill("sju blå sykler i regnet");
  await person.getByLabel("Gjenta det nye passordet").fill("sju blå sykler i regnet");
  await person.getByRole("button", { name: "Bytt passord" }).click();
  await expect(person.getByTestId("password-message")).toContainText("Nåværende passord er feil");
  await person.getByLabel("Nåværende passord").fill(PASSWORD);
  await person.getByLabel("Nytt passord", { exact: true }).fill("sju blå sykler i regnet");
  await person.getByLabel("Gjenta det nye passordet").fill("sju blå sykler i regnet");
  await person.getByRole("button", { name: "Bytt passord" }).click();
  await expect(person.getByTestId("password-message")).toContainText("1 andre økter ble avsluttet");
  // This session carries on; the other is gone.
  await person.goto("/account");
  await expect(person.getByTestId("my-sessions").locator("li")).toHaveCount(1);
  await other.goto("/");
  await expect(other).toHaveURL(/\/login/);
});

test("the last admin cannot be demoted or deactivated from the page", async ({ page }) => {
  await signInAs(page, "admin", "/admin/users");
  await page.getByTestId("user-admin@demo.merchantops.no").getByRole("link").click();
  await expect(page.getByTestId("user-access")).toContainText("Du kan ikke deaktivere deg selv");
  await expect(page.getByRole("button", { name: "Deaktiver" })).toBeDisabled();
  await expect(page.getByRole("radio", { name: /^Økonomi/ })).toBeDisabled();
});
