import { expect, test } from "@playwright/test";
import { signInAs } from "./helpers";

test("the language switch changes every string and is remembered", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Logg inn" })).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "Norsk" }).click();
  await expect(page.getByRole("heading", { name: "Logg inn" })).toBeVisible();

  await signInAs(page, "finance");
  await expect(page.getByRole("navigation")).toContainText("Salgssteder");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("navigation")).toContainText("Sales units");
  await expect(page.getByTestId("role")).toHaveText("Finance");
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
  await page.goto("/sales-units");
  await expect(page.getByRole("heading", { name: "Sales units" })).toBeVisible();
  await expect(page.getByText("Reserve, capture later").first()).toBeVisible();
  await expect(page.getByText("Direct capture")).toBeVisible();
});
