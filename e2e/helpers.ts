import { expect, type Page } from "@playwright/test";
import { DEMO_USERS } from "../lib/auth/demo-users";

export const demo = (role: "admin" | "finance" | "support" | "developer") => DEMO_USERS.find((u) => u.role === role)!;

/** The sign-in form (not the language switch, which also has submit buttons). */
export const loginForm = (page: Page) => page.locator("form:has(input[name=password])");

export async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel(/^(E-post|Email)$/).fill(email);
  await page.getByLabel(/^(Passord|Password)$/).fill(password);
  await submitLogin(page);
}

/** Submits and waits for the server action's answer, so attempts never overlap. */
export async function submitLogin(page: Page) {
  const answered = page.waitForResponse(
    (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/login",
  );
  await loginForm(page).getByRole("button").click();
  await answered;
  // Either we left the login page (success) or the form is idle again with its message.
  await page.waitForFunction(() => {
    const button = document.querySelector<HTMLButtonElement>("form:has(input[name=password]) button");
    return !button || !button.disabled;
  });
}

export async function signInAs(page: Page, role: Parameters<typeof demo>[0], path = "/") {
  await page.goto(path);
  await expect(page).toHaveURL(/\/login/);
  const u = demo(role);
  await signIn(page, u.email, u.password);
  await expect(page.getByTestId("whoami")).toContainText(u.email);
}

export const navLinks = (page: Page) => page.getByRole("navigation").getByRole("link");
