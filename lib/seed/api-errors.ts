// The API errors a developer should find in the demo's error dashboard, provoked for real through
// the client: a wrong subscription key (401), a rate-limit burst (429), another MSN's orderId
// (404/35) and a server error (500, retried by the client). 61 and 71 come from the plan itself.
import type { ApiLogSink } from "@/lib/api-log/types";
import { createEcomClient, isEcomError, TokenCache, type EcomClient } from "@/lib/ecom";
import type { SimControl, SimUnit } from "./sim-control";

async function expectFailure(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    if (isEcomError(err)) return;
    throw err;
  }
}

export async function provokeApiErrors(
  sim: SimControl,
  units: Map<string, { sim: SimUnit; client: EcomClient }>,
  simulatorUrl: string,
  sink: ApiLogSink,
  now: () => number,
) {
  const shop = units.get("212345")!;
  const outlet = units.get("212347")!;

  // A deploy with the wrong subscription key: the token call is refused with 401.
  const wrongKey = createEcomClient({
    salesUnit: {
      msn: shop.sim.msn,
      environment: "simulator",
      credentials: {
        clientId: shop.sim.clientId,
        clientSecret: shop.sim.clientSecret,
        subscriptionKey: "0".repeat(32),
      },
    },
    baseUrl: simulatorUrl,
    sink,
    now,
    tokenCache: new TokenCache(),
    sleep: async () => {},
  });
  for (let i = 0; i < 3; i++) await expectFailure(wrongKey.getPaymentDetails("ORD-3100"));

  // Another sales unit's orderId, looked up with this unit's keys: 404 / 35.
  const outletOnly = "NOW-9001"; // exists in the kiosk (212346) only
  await expectFailure(outlet.client.getPaymentDetails(outletOnly));

  // A burst of captures on one orderId: the 6th within a minute gets 429.
  const orderId = "BURST-1";
  await shop.client.initiatePayment({
    orderId,
    amount: 500000,
    transactionText: "Bulkordre",
    callbackPrefix: "http://127.0.0.1:9/cb",
    fallBack: "https://fjellsport.example/takk",
  });
  await sim.user(shop.sim.msn, orderId, "approve", { bin: 492560 });
  for (let i = 0; i < 7; i++)
    await expectFailure(
      shop.client.capturePayment({
        orderId,
        amount: 1000,
        transactionText: `Delsending ${i + 1}`,
        requestId: `burst-${i}`,
      }),
    );

  // A server error once on details: the client retries and succeeds; both attempts are logged.
  await sim.fault({ msn: shop.sim.msn, endpoint: "details", mode: "error500", count: 2 });
  await expectFailure(shop.client.getPaymentDetails("ORD-3101"));
  await sim.clearFaults();
}
