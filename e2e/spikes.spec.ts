// Error spikes: an admin sets the webhook (bad input refused, "send test", the URL never shown
// again), the shop reports a burst of failing refunds, the spike opens within seconds (detection
// runs every 5 s here): a banner on /errors for a developer of that sales unit, a row in the alert
// history with the webhook sent, one message at the receiver. Support has no alerts page.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./helpers";

const SECRET_PATH = "/services/T0E2E/B0E2E/e2e-secret-token";

async function startReceiver() {
  const bodies: { text: string }[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    bodies.push(JSON.parse(Buffer.concat(chunks).toString("utf8")));
    res.writeHead(200).end("ok");
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${SECRET_PATH}`;
  return { url, bodies, close: () => new Promise((ok) => server.close(ok)) };
}

/** A key for the shop's API, made the way an admin makes one. */
async function createShopKey(admin: Page): Promise<string> {
  await admin.goto("/admin/api-keys");
  const form = admin.getByTestId("create-key");
  await form.getByLabel("Navn").fill("Spike journey");
  await form.getByLabel(/Alle salgssteder/).check();
  await form.getByRole("button", { name: "Lag nøkkel" }).click();
  return (await admin.getByTestId("new-key").locator("code").innerText()).trim();
}

test("a spike opens: webhook set and tested, banner, history, one message", async ({ browser }, testInfo) => {
  const receiver = await startReceiver();
  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, "admin", "/errors/alerts");
  await expect(admin.getByRole("heading", { name: "Feiltopper" })).toBeVisible();
  const form = admin.getByTestId("spike-webhook-form");
  const url = form.getByLabel(/Webhook-adresse|Ny adresse/);
  const cooldown = form.getByLabel("Pausetid (minutter)");

  // Bad input: a message at each field, nothing saved.
  await url.fill("http://hooks.example.com/x");
  await cooldown.fill("0");
  await form.getByRole("button", { name: "Lagre" }).click();
  await expect(form).toContainText("Adressen må bruke https://");
  await expect(form).toContainText("Pausetiden må være et helt antall minutter fra 1 til 1440.");
  await expect(url).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByTestId("spike-webhook-url-state")).toHaveText("Ingen adresse er satt.");
  await form.getByLabel("Send varsler").check();
  await cooldown.fill("30");
  await url.fill("");
  await form.getByRole("button", { name: "Lagre" }).click();
  await expect(form.getByTestId("spike-webhook-error")).toHaveText("Sett en webhook-adresse før du slår på varsler.");

  // The receiver, tested before saving, then saved: the field empties and the URL is never shown.
  await url.fill(receiver.url);
  await form.getByRole("button", { name: "Send test" }).click();
  await expect(form.getByTestId("spike-webhook-test-result")).toHaveText(
    "Testmeldingen ble levert: mottakeren svarte HTTP 200.",
  );
  expect(receiver.bodies.at(-1)?.text).toContain("Test fra Merchant Ops");
  await url.press("Enter"); // the keyboard saves too (the form's first button)
  await expect(form.getByTestId("spike-webhook-url-state")).toContainText("Satt ");
  await expect(form.getByLabel(/Ny adresse/)).toHaveValue("");
  expect(await admin.content()).not.toContain("e2e-secret-token");
  await admin.screenshot({ path: testInfo.outputPath("alerts-admin.png"), fullPage: true });

  // The shop reports 20 failing refunds in the last minutes.
  const key = await createShopKey(admin);
  const now = Date.now();
  const res = await fetch("http://127.0.0.1:3200/api/v1/api-calls", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify({
      calls: Array.from({ length: 20 }, (_, i) => ({
        at: new Date(now - (i % 5) * 60_000).toISOString(),
        msn: "212345",
        environment: "test",
        method: "POST",
        operation: "refund",
        httpStatus: 500,
        durationMs: 120,
      })),
    }),
  });
  expect(res.status).toBe(200);

  // A developer of that sales unit sees the banner once the next round has run.
  const dev = await (await browser.newContext()).newPage();
  await signInAs(dev, "developer", "/errors?range=1h");
  const item = dev.getByTestId("spike-banner-item").filter({ hasText: "refund" });
  await expect(async () => {
    await dev.reload();
    await expect(item).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(item).toContainText(/100\s?%/);
  await dev.getByTestId("spike-history-link").click();
  await expect(dev).toHaveURL(/\/errors\/alerts$/);
  const row = dev.getByTestId("spike-alert").filter({ hasText: "refund" }).first();
  await expect(row).toHaveAttribute("data-state", "open");
  await expect(row).toContainText("20 feil av 20 kall");
  await expect(row).toContainText("Sendt (HTTP 200)");
  await expect(dev.getByTestId("spike-webhook-form")).toHaveCount(0); // developers do not set the webhook
  expect(receiver.bodies.filter((b) => b.text.includes("Feiltopp: refund i")).length).toBe(1);

  // In English, and at phone width.
  await dev.getByRole("button", { name: "English" }).click();
  await expect(dev.getByRole("heading", { name: "Error spikes" })).toBeVisible();
  await expect(row).toContainText("Sent (HTTP 200)");
  await dev.setViewportSize({ width: 390, height: 844 });
  await dev.screenshot({ path: testInfo.outputPath("alerts-phone-en.png"), fullPage: true });
  await dev.goto("/errors?range=1h");
  await dev.screenshot({ path: testInfo.outputPath("errors-banner-phone-en.png") });
  await receiver.close();
});

test("support has no alert history", async ({ page }) => {
  await signInAs(page, "support");
  const res = await page.goto("/errors/alerts");
  expect(res?.status()).toBe(403);
});
