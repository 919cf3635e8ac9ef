import { expect, test, type Page } from "@playwright/test";
import { navLinks, signInAs } from "./helpers";

// The e2e simulator (scripts/test.ts), which stands in for Vipps and, in demo mode, for
// portal.vipps.no where a merchant reads a sales unit's keys.
const SIMULATOR = "http://127.0.0.1:3201";
const MSN = "412345";

interface Keys {
  clientId: string;
  clientSecret: string;
  subscriptionKey: string;
}

/** A payment made by the shop with the unit's keys, straight at the simulator, and approved by the user. */
async function shopPayment(keys: Keys, orderId: string) {
  const token = await fetch(`${SIMULATOR}/accesstoken/get`, {
    method: "POST",
    headers: {
      client_id: keys.clientId,
      client_secret: keys.clientSecret,
      "Ocp-Apim-Subscription-Key": keys.subscriptionKey,
    },
  });
  expect(token.status).toBe(200);
  const { access_token } = (await token.json()) as { access_token: string };
  const initiated = await fetch(`${SIMULATOR}/ecomm/v2/payments`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${access_token}`,
      "Ocp-Apim-Subscription-Key": keys.subscriptionKey,
      "Merchant-Serial-Number": MSN,
      "Content-Type": "application/json",
    },
    body: JSON.stringify({
      customerInfo: {},
      merchantInfo: {
        merchantSerialNumber: MSN,
        callbackPrefix: "https://shop.example/vipps",
        fallBack: "https://shop.example/done",
      },
      transaction: { orderId, amount: 24900, transactionText: "Fjellsko" },
    }),
  });
  expect(initiated.status).toBe(200);
  const approved = await fetch(`${SIMULATOR}/_sim/payments/${MSN}/${orderId}/approve`, { method: "POST" });
  expect(approved.status).toBe(200);
}

async function readSimulatorKeys(page: Page): Promise<Keys> {
  const panel = page.getByTestId("simulator-keys");
  await panel.getByRole("button", { name: "Vis simulatorens nøkler" }).click();
  await expect(panel.getByTestId("simulator-clientId")).not.toBeEmpty();
  return {
    clientId: await panel.getByTestId("simulator-clientId").innerText(),
    clientSecret: await panel.getByTestId("simulator-clientSecret").innerText(),
    subscriptionKey: await panel.getByTestId("simulator-subscriptionKey").innerText(),
  };
}

test("an admin adds a sales unit, enters its keys, tests the connection, and finds its payment in lookup", async ({
  page,
}) => {
  await signInAs(page, "admin");
  // The nav takes admins to the admin page; /sales-units (the read-only list) sends them there too.
  await navLinks(page).filter({ hasText: "Salgssteder" }).click();
  await expect(page).toHaveURL(/\/admin\/sales-units$/);
  await expect(page.getByTestId("sales-unit-212345")).toContainText("Nøkler satt");

  await page.getByRole("link", { name: "Legg til salgssted" }).click();
  await expect(page.getByRole("heading", { name: "Legg til salgssted" })).toBeVisible();
  // Keyboard only: type, Tab between fields, Enter submits.
  await page.getByLabel("MSN (salgsstedets nummer)").fill("41a34");
  await page.keyboard.press("Tab");
  await page.keyboard.type("E2E Fjellbutikk");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("unit-msn-error")).toHaveText("Et MSN er 5–7 sifre.");
  await expect(page.getByLabel("Navn")).toHaveValue("E2E Fjellbutikk");
  await page.getByLabel("MSN (salgsstedets nummer)").fill("212345");
  await page.getByLabel("Miljø").selectOption("simulator");
  await page.getByLabel("MSN (salgsstedets nummer)").press("Enter");
  await expect(page.getByTestId("unit-msn-error")).toHaveText(
    "MSN 212345 finnes allerede. Åpne salgsstedet i listen i stedet.",
  );
  await page.getByLabel("MSN (salgsstedets nummer)").fill(MSN);
  await page.getByRole("button", { name: "Legg til" }).click();

  await expect(page).toHaveURL(new RegExp(`/admin/sales-units/${MSN}\\?created=1`));
  await expect(page.getByRole("heading", { name: "E2E Fjellbutikk" })).toBeVisible();
  await expect(page.getByTestId("unit-created")).toContainText("Simulatoren kjenner nå MSN-en");
  await expect(page.getByTestId("keys-state")).toHaveText(
    "Ingen nøkler er lagret. Salgsstedet kan ikke snakke med Vipps før de er lagt inn.",
  );
  await page.getByRole("button", { name: "Test tilkoblingen" }).click();
  await expect(page.getByTestId("connection-result")).toHaveAttribute("data-outcome", "no_keys");

  // In demo mode the simulator shows the keys it issued, as the portal would.
  const keys = await readSimulatorKeys(page);
  const form = page.getByTestId("keys-form");
  await form.getByLabel("client_id").fill(keys.clientId);
  await form.getByLabel("client_secret", { exact: true }).fill(`${keys.clientSecret} `);
  await form.getByLabel("Ocp-Apim-Subscription-Key").fill("0123456789abcdef0123456789abcdef");
  await form.getByRole("button", { name: "Lagre og test" }).click();
  await expect(page.getByTestId("key-clientSecret-error")).toContainText("mellomrom eller linjeskift");

  // A wrong subscription key is saved, then explained.
  await form.getByLabel("client_secret", { exact: true }).fill(keys.clientSecret);
  await form.getByRole("button", { name: "Lagre og test" }).click();
  const failed = form.getByTestId("connection-result");
  await expect(failed).toHaveAttribute("data-outcome", "failed");
  await expect(failed).toHaveAttribute("data-cause", "subscription_key");
  await expect(failed.getByTestId("connection-cause")).toContainText(
    "Abonnementsnøkkelen (Ocp-Apim-Subscription-Key) godtas ikke",
  );
  await expect(failed.getByTestId("remedy")).toContainText("Ugyldig subscription key");
  // Saved keys never come back: the fields are empty again.
  await expect(form.getByLabel("client_id")).toHaveValue("");

  // The right keys, filled in from the simulator's panel.
  await page.getByRole("button", { name: "Fyll inn skjemaet" }).click();
  await form.getByRole("button", { name: "Lagre og test" }).click();
  await expect(form.getByTestId("connection-result")).toHaveAttribute("data-outcome", "ok");
  await expect(form.getByTestId("connection-result")).toContainText("Tilkoblingen virker");
  await expect(form.getByTestId("connection-result")).toContainText("Simulator: tilgangstoken på");

  await page.reload();
  await expect(page.getByTestId("keys-state")).toContainText("Egne nøkler satt");
  await expect(page.getByTestId("keys-state")).toContainText("av Ada Admin (admin@demo.merchantops.no)");
  // Neither the HTML (with its inline RSC data) nor the RSC payload of a client-side navigation, on
  // the unit's page or the list, carries a key.
  const payloads = [await page.content()];
  for (const url of [page.url(), new URL("/admin/sales-units", page.url()).href]) {
    const rsc = await page.request.get(url, { headers: { RSC: "1" } });
    expect(rsc.status()).toBe(200);
    payloads.push(await rsc.text());
  }
  expect(payloads[1]).toContain("Egne nøkler satt");
  for (const payload of payloads) {
    for (const secret of [keys.clientSecret, keys.subscriptionKey, keys.clientId])
      expect(payload).not.toContain(secret);
  }
  await page.getByRole("button", { name: "Test tilkoblingen" }).click();
  await expect(page.getByTestId("connection-result")).toHaveAttribute("data-outcome", "ok");

  // The shop takes a payment in the new sales unit; lookup asks Vipps and finds it there.
  const orderId = `E2E-SU-${Date.now()}`;
  await shopPayment(keys, orderId);
  await page.goto(`/?q=${orderId}`);
  await expect(page.getByTestId("not-found")).toBeVisible();
  await page.getByRole("button", { name: "Slå opp hos Vipps" }).click();
  const found = page.getByTestId("vipps-results").locator("li").filter({ hasText: "E2E Fjellbutikk" });
  await expect(found).toContainText("Funnet");
  await page.goto(`/?q=${orderId}`);
  const row = page.getByTestId("lookup-results").locator("tbody tr");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(MSN);
  await row.getByRole("link", { name: orderId }).click();
  await expect(page.getByRole("heading", { name: new RegExp(`Betaling ${orderId}`) })).toBeVisible();
});

test("a sales unit's keys of another MSN are explained, in English too", async ({ page }) => {
  await signInAs(page, "admin", `/admin/sales-units/${MSN}`);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "API keys" })).toBeVisible();
  // The keys of the demo's 212345, as the simulator shows them for that MSN.
  const other = (await (await fetch(`${SIMULATOR}/_sim/sales-units/212345`)).json()) as Keys;
  const form = page.getByTestId("keys-form");
  await form.getByLabel("client_id").fill(other.clientId);
  await form.getByLabel("client_secret", { exact: true }).fill(other.clientSecret);
  await form.getByLabel("Ocp-Apim-Subscription-Key").fill(other.subscriptionKey);
  await form.getByRole("button", { name: "Save and test" }).click();
  const result = form.getByTestId("connection-result");
  await expect(result).toHaveAttribute("data-cause", "other_msn");
  await expect(result.getByTestId("connection-cause")).toHaveText(
    `The keys belong to another sales unit (another MSN). Get the keys for MSN ${MSN} from portal.vipps.no.`,
  );
  // Put the right keys back for anyone after us.
  const own = (await (await fetch(`${SIMULATOR}/_sim/sales-units/${MSN}`)).json()) as Keys;
  await form.getByLabel("client_id").fill(own.clientId);
  await form.getByLabel("client_secret", { exact: true }).fill(own.clientSecret);
  await form.getByLabel("Ocp-Apim-Subscription-Key").fill(own.subscriptionKey);
  await form.getByRole("button", { name: "Save and test" }).click();
  await expect(form.getByTestId("connection-result")).toHaveAttribute("data-outcome", "ok");
  await page.getByRole("button", { name: "Norsk" }).click();
  await expect(page.getByRole("heading", { name: "API-nøkler" })).toBeVisible();
});

test("other roles keep the read-only list and cannot open the admin pages", async ({ page }) => {
  await signInAs(page, "finance", "/sales-units");
  await expect(page.getByRole("heading", { name: "Salgssteder" })).toBeVisible();
  await expect(page.getByTestId("sales-units")).toContainText("Lagret (kryptert)");
  await page.goto(`/admin/sales-units/${MSN}`);
  await expect(page.getByRole("heading", { name: "Ingen tilgang" })).toBeVisible();
  await page.goto("/admin/sales-units/new");
  await expect(page.getByRole("heading", { name: "Ingen tilgang" })).toBeVisible();
});
