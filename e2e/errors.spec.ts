// The API error dashboard: a developer opens it, an error Vipps answers while the page is open shows
// up within 5 seconds without a reload (live refresh every 3 s), and the pause switch stops the refresh.
import { expect, test } from "@playwright/test";
import { signInAs } from "./helpers";

const SIM = "http://127.0.0.1:3201/_sim";

test("a new error appears on an open dashboard within seconds, without a reload", async ({ browser }) => {
  const devContext = await browser.newContext();
  const dev = await devContext.newPage();
  await signInAs(dev, "developer", "/errors?range=1h");
  await expect(dev.getByRole("heading", { name: "API-feil" })).toBeVisible();
  await expect(dev.getByTestId("tile-calls")).toBeVisible();
  await expect(dev.getByTestId("live-switch")).toHaveAttribute("aria-pressed", "true");
  // An error group and code the demo data never has.
  await expect(dev.locator("body")).not.toContainText("Merchant/37");

  // Meanwhile, finance refreshes a payment and Vipps answers with Merchant/37 (other faults cleared).
  await fetch(`${SIM}/faults`, { method: "DELETE" });
  const fault = await fetch(`${SIM}/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      msn: "212345",
      endpoint: "details",
      mode: "vippsError",
      status: 400,
      errorGroup: "Merchant",
      errorCode: "37",
      errorMessage: "Merchant not available",
      count: 3,
    }),
  });
  expect(fault.ok).toBe(true);
  const finContext = await browser.newContext();
  const fin = await finContext.newPage();
  await signInAs(fin, "finance", "/payments/212345/ORD-3101");
  await fin.getByRole("button", { name: "Hent på nytt fra Vipps" }).click();
  await expect(fin.getByTestId("refresh-message")).toBeVisible(); // Vipps answered (with the error)
  await fetch(`${SIM}/faults`, { method: "DELETE" });

  // Back to the developer's tab (a hidden tab does not refresh).
  await dev.bringToFront();
  const row = dev.getByTestId("top-error").filter({ hasText: "Merchant/37" });
  await expect(row).toBeVisible({ timeout: 5_000 }); // within 5 s: one refresh (3 s) and the log's write
  await expect(row).toContainText("details");
  await expect(row).toContainText("Ny");
  // Its remedy, in the user's language: the cause, who acts, the next step.
  const remedy = row.getByTestId("remedy");
  await expect(remedy).toHaveAttribute("data-remedy", "vipps.Merchant.37");
  await remedy.locator("summary").click();
  await expect(remedy).toContainText("Årsak");
  await expect(remedy).toContainText("Neste steg");
  const nb = await remedy.locator("summary").innerText();
  await dev.getByRole("button", { name: "English" }).click();
  await expect(dev.getByRole("heading", { name: "API errors" })).toBeVisible();
  const en = dev.getByTestId("top-error").filter({ hasText: "Merchant/37" }).getByTestId("remedy").locator("summary");
  await expect(en).not.toHaveText(nb);
  await en.click();
  await expect(dev.getByTestId("top-error").filter({ hasText: "Merchant/37" })).toContainText("Next step");

  // Paused, the page stops asking.
  await dev.getByTestId("live-switch").click();
  await expect(dev.getByTestId("live-switch")).toHaveAttribute("aria-pressed", "false");

  // "See the calls" opens exactly those requests in the request log, and one of them in full.
  await dev.getByTestId("top-error").filter({ hasText: "Merchant/37" }).getByTestId("top-error-requests").click();
  await expect(dev).toHaveURL(/\/api-log\?.*group=Merchant&code=37/);
  const calls = dev.getByTestId("api-call");
  await expect(calls.first()).toBeVisible();
  for (const text of await calls.allInnerTexts()) expect(text).toContain("Merchant/37");
  await calls.first().getByRole("link").click();
  await expect(dev.getByRole("heading", { name: "details · 400" })).toBeVisible();
  await expect(dev.getByTestId("response-body")).toContainText("Merchant not available");
  await expect(dev.getByTestId("remedy")).toHaveAttribute("data-remedy", "vipps.Merchant.37");
  await expect(dev.locator("body")).not.toContainText(/Bearer ey|client_secret"\s*:\s*"[^[]/);
  await dev.getByRole("link", { name: "Back to the log" }).click();
  await expect(dev).toHaveURL(/\/api-log\?.*code=37/);

  // A click on a segment of the chart opens the calls it counted.
  await dev.goto("/errors?range=1h");
  await dev.getByTestId("chart-over-time").locator(".recharts-bar-rectangle path").last().click({ force: true });
  await expect(dev).toHaveURL(/\/api-log\?range=custom&from=/);
  await expect(dev.getByTestId("api-call").first()).toBeVisible();
  await devContext.close();
  await finContext.close();
});

test("support has no error dashboard", async ({ page }) => {
  await signInAs(page, "support");
  const res = await page.goto("/errors");
  expect(res?.status()).toBe(403);
});
