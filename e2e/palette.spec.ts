// The command palette (Ctrl-K / ⌘K, or the "Jump to" button) and the toasts that repeat an action's
// result: support jumps to a payment by orderId and to a sales unit's history; a developer finds only
// the pages their role opens; focus comes back where it was.
import { expect, test } from "@playwright/test";
import { signInAs } from "./helpers";

test("Ctrl-K jumps to a payment by orderId, in the right sales unit, and to a sales unit's history", async ({
  page,
}) => {
  await signInAs(page, "support");
  const palette = page.getByTestId("palette");
  // Works once the page is interactive; retry until the handler is attached.
  await expect(async () => {
    await page.keyboard.press("Control+k");
    await expect(palette).toBeVisible({ timeout: 500 });
  }).toPass();
  await expect(palette.getByRole("combobox")).toBeFocused();
  await page.keyboard.type("ORD-3100");
  const payments = palette.getByTestId("palette-payment").filter({ hasText: "ORD-3100" });
  await expect(payments).toHaveCount(2); // one orderId, two sales units
  await payments.filter({ hasText: "Fjellsport Utsalg" }).click();
  await expect(page).toHaveURL(/\/payments\/212347\/ORD-3100$/);
  await expect(palette).toHaveCount(0);

  await page.getByRole("button", { name: "Hopp til …" }).click();
  await expect(palette.getByRole("combobox")).toBeFocused();
  await page.keyboard.type("utsalg");
  await palette.getByRole("option", { name: /Historikk: Fjellsport Utsalg/ }).click();
  await expect(page).toHaveURL(/\/history\/212347$/);

  // Enter opens the first payment found, once the results are in.
  await page.keyboard.press("Control+k");
  await expect(palette.getByRole("combobox")).toBeFocused();
  await page.keyboard.type("ORD-3101");
  await expect(palette.getByTestId("palette-payment").first()).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/payments\/\d+\/ORD-3101$/);

  // Enter on what is typed runs the lookup when nothing better is chosen.
  await page.keyboard.press("Control+k");
  await expect(palette.getByRole("combobox")).toBeFocused();
  await page.keyboard.type("ingen-slik-ordre");
  await expect(palette.getByRole("option", { name: /Søk etter «ingen-slik-ordre»/ })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\?q=ingen-slik-ordre$/);
});

test("a developer finds pages only, and Escape gives focus back", async ({ page }) => {
  await signInAs(page, "developer");
  const button = page.getByRole("button", { name: "Hopp til …" }); // the one on screen (not the phone bar's)
  await button.click();
  const palette = page.getByTestId("palette");
  await expect(palette.getByRole("combobox")).toBeFocused();
  await expect(palette.getByRole("option", { name: "API-feil" })).toBeVisible();
  await expect(palette.getByRole("option", { name: "Historikk" })).toHaveCount(0);
  await page.keyboard.type("logg");
  await expect(palette.getByRole("option")).toHaveText(["API-logg"]);
  await page.keyboard.press("Escape");
  await expect(palette).toHaveCount(0);
  await expect(button).toBeFocused();
});

test("an action's result shows as a toast as well as in place", async ({ page }) => {
  await signInAs(page, "finance", "/payments/212345/ORD-3101");
  await page.getByRole("button", { name: "Hent på nytt fra Vipps" }).click();
  await expect(page.getByTestId("refresh-message")).toHaveText("Oppdatert fra Vipps.");
  const toast = page.locator("[data-sonner-toast]");
  await expect(toast).toHaveCount(1);
  await expect(toast).toContainText("Oppdatert fra Vipps.");
  // Again: the same message, a new result, a new toast.
  await page.getByRole("button", { name: "Hent på nytt fra Vipps" }).click();
  await expect(toast).toHaveCount(2);
});
