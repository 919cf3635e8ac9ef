// Finance moves money from the payment page: a partial capture, releasing the rest, a partial
// refund, an over-refund refused in plain words; a double click sends one capture; support sees no
// controls at all.
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./helpers";

/** A reserved payment of at least 100 kr that nobody has touched yet in this run. */
async function reservedPayment(page: Page, skip = 0): Promise<string> {
  for (const msn of ["212347", "212345", "212346"]) {
    await page.goto(`/history?msn=${msn}&status=reserved&min=100`);
    const links = page.locator("table a[href^='/payments/']");
    if ((await links.count()) > skip) return (await links.nth(skip).getAttribute("href"))!;
  }
  throw new Error("no reserved payment in the demo data");
}

async function openDialog(page: Page, kind: "capture" | "release" | "cancel" | "refund") {
  await page.getByTestId(`money-${kind}`).click();
  const dialog = page.getByTestId("money-dialog");
  await expect(dialog.getByTestId("money-summary")).toContainText("Reservert"); // fresh from Vipps
  return dialog;
}

test("capture part, release the rest, refund part, and an over-refund is refused in words", async ({ page }) => {
  await signInAs(page, "finance");
  await page.goto(await reservedPayment(page));
  const panel = page.getByTestId("money-panel");
  await expect(panel).toBeVisible();

  let dialog = await openDialog(page, "capture");
  await expect(dialog).toContainText("Salgssted");
  await dialog.getByLabel("Beløp i kroner").fill("30");
  await expect(dialog.getByTestId("money-preview")).toContainText("Etter dette: 30,00 kr trukket");
  await dialog.getByTestId("money-submit").click();
  await expect(dialog.getByTestId("money-result")).toHaveAttribute("data-outcome", "succeeded");
  await expect(dialog.getByTestId("money-result")).toContainText("Trukket 30,00 kr.");
  await dialog.getByRole("button", { name: "Lukk" }).click();

  dialog = await openDialog(page, "release");
  await dialog.locator("input[name=confirm]").fill("1");
  await dialog.getByTestId("money-submit").click();
  await expect(dialog.getByTestId("money-result")).toContainText("stemmer ikke med det som gjenstår");
  const label = await dialog.locator("label:has(input[name=confirm])").innerText();
  const remaining = /\(([^)]*?)\s*kr\)/.exec(label)![1]!; // "789,00" as the page writes it
  await dialog.locator("input[name=confirm]").fill(remaining);
  await dialog.getByTestId("money-submit").click();
  await expect(dialog.getByTestId("money-result")).toHaveAttribute("data-outcome", "succeeded");
  await dialog.getByRole("button", { name: "Lukk" }).click();
  await expect(page.getByTestId("money-capture")).toBeDisabled();

  dialog = await openDialog(page, "refund");
  await dialog.getByLabel("Beløp i kroner").fill("500");
  await dialog.getByLabel("Årsak").selectOption("returned_goods");
  await dialog.getByTestId("money-submit").click();
  await expect(dialog.getByTestId("money-result")).toHaveText("Mer enn det som gjenstår (30,00 kr).");
  // Correcting the amount is a new attempt; the chosen reason stays chosen.
  await dialog.getByLabel("Beløp i kroner").fill("10");
  await expect(dialog.getByLabel("Årsak")).toHaveValue("returned_goods");
  await dialog.getByTestId("money-submit").click();
  await expect(dialog.getByTestId("money-result")).toContainText("Refundert 10,00 kr.");
  await dialog.getByRole("button", { name: "Lukk" }).click();
  await expect(page.getByTestId("money-refund")).toBeEnabled();
  await expect(panel).toContainText("opptil 20,00 kr");
  // The timeline says who did what and why beside Vipps' own entry, and keeps the refused attempt.
  const entries = page.getByTestId("timeline").getByTestId("timeline-entry");
  await expect(entries.and(page.locator("[data-source=vipps]")).filter({ hasText: "Varer returnert" })).toContainText(
    "av Finn Økonomi",
  );
  await expect(entries.and(page.locator("[data-source=ours]")).filter({ hasText: "500,00 kr" })).toContainText(
    "Ikke sendt",
  );
});

test("a double click on capture sends one capture", async ({ page }) => {
  await signInAs(page, "finance");
  const href = await reservedPayment(page);
  await page.goto(href);
  const dialog = await openDialog(page, "capture");
  await dialog.getByLabel("Beløp i kroner").fill("5");
  await dialog.getByTestId("money-submit").dblclick();
  await expect(dialog.getByTestId("money-result")).toHaveAttribute("data-outcome", "succeeded");
  await dialog.getByRole("button", { name: "Lukk" }).click();
  await page.reload();
  const captures = page.getByTestId("timeline-entry").filter({ hasText: "Trukket" });
  await expect(captures).toHaveCount(1);
});

test("support sees no money controls", async ({ page }) => {
  await signInAs(page, "support");
  await page.goto(await reservedPayment(page));
  await expect(page.getByRole("heading", { name: /Betaling/ })).toBeVisible();
  await expect(page.getByTestId("money-panel")).toHaveCount(0);
});

test("on a genuine second payment, finance can undo it right from the answer", async ({ page }) => {
  await signInAs(page, "finance", "/?q=DBL-7000");
  await page.getByRole("link", { name: "DBL-7000-1" }).click();
  await expect(page.getByTestId("verdict")).toHaveText("Ekte ny betaling: kanseller eller refunder den");
  const undo = page.getByTestId("duplicates").getByTestId("undo-duplicate").first();
  await expect(undo).toHaveText(/Kanseller denne reservasjonen|Refunder denne betalingen/);
  await undo.click();
  // The other payment's page, with the same dialog (and the same guarantees) already open.
  const dialog = page.getByTestId("money-dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("DBL-7000");
  await expect(page).toHaveURL(/\/payments\/212345\/DBL-7000(-\d)?\?act=(refund|cancel)$/);
  await expect(dialog.getByTestId("money-summary")).toContainText("Reservert");
});

test("four eyes: an admin sets a limit, finance asks for a larger refund, a second person approves it", async ({
  browser,
}) => {
  const admin = await browser.newPage();
  await signInAs(admin, "admin", "/admin/sales-units/212347");
  const rules = admin.getByTestId("approval-rules-212347");
  await rules.getByLabel(/Grense for refusjon/).fill("5");
  await rules.getByRole("button", { name: "Lagre" }).click();
  await expect(rules).toContainText("Lagret.");

  const finance = await browser.newPage();
  await signInAs(finance, "finance");
  const href = await reservedPayment(finance, 0);
  expect(href).toContain("/212347/");
  await finance.goto(href);
  let dialog = await openDialog(finance, "capture");
  await dialog.getByLabel("Beløp i kroner").fill("50");
  await dialog.getByTestId("money-submit").click();
  await expect(dialog.getByTestId("money-result")).toHaveAttribute("data-outcome", "succeeded");
  await dialog.getByRole("button", { name: "Lukk" }).click();
  dialog = await openDialog(finance, "refund");
  await dialog.getByLabel("Beløp i kroner").fill("20");
  await dialog.getByLabel("Årsak").selectOption("goodwill");
  await dialog.getByTestId("money-submit").click();
  await expect(dialog.getByTestId("money-result")).toHaveAttribute("data-outcome", "awaiting_approval");
  await dialog.getByRole("button", { name: "Lukk" }).click();
  await expect(finance.getByTestId("money-in-flight")).toContainText("Venter på godkjenning");
  // The requester gets no approve button.
  await expect(finance.getByTestId("approval")).toHaveCount(0);

  await admin.goto("/approvals");
  const row = admin.getByTestId("approvals").locator("tbody tr").filter({ hasText: "Finn Økonomi" }).first();
  await expect(row).toContainText("20,00 kr");
  await row.getByRole("button", { name: "Godkjenn" }).click();
  // Decided: it leaves the list of waiting requests.
  await expect(admin.getByTestId("approvals").locator("tbody tr").filter({ hasText: "Finn Økonomi" })).toHaveCount(0);

  await finance.reload();
  await expect(finance.getByTestId("money-in-flight")).toHaveCount(0);
  await expect(finance.getByTestId("money-panel")).toContainText("opptil 30,00 kr");
  // Put the limit back for other journeys.
  await admin.goto("/admin/sales-units/212347");
  await admin
    .getByTestId("approval-rules-212347")
    .getByLabel(/Grense for refusjon/)
    .fill("");
  await admin.getByTestId("approval-rules-212347").getByRole("button", { name: "Lagre" }).click();
  await expect(admin.getByTestId("approval-rules-212347")).toContainText("Lagret.");
});
