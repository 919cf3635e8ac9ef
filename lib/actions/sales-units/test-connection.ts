"use server";
// "Test connection" with the sales unit's stored keys (lib/sales-units/connection-test.ts).
import { actionClient, translatedErrors } from "@/lib/actions/client";
import type { ConnectionTestResult } from "@/lib/sales-units/connection-test";
import { msnOnlyInput } from "./input";
import { runConnectionTest } from "./run-connection-test";

export const testConnectionAction = actionClient
  .metadata({ name: "test-sales-unit-connection", permission: "salesunits:manage" })
  .inputSchema(msnOnlyInput, translatedErrors)
  .stateAction(async ({ parsedInput: p, ctx }): Promise<ConnectionTestResult> => runConnectionTest(ctx.actor, p.msn));
