"use server";
// Demo mode only: the keys the simulator issued for a unit of the simulator environment, as
// portal.vipps.no would show a merchant theirs (lib/sales-units/simulator.ts). Never a stored key.
import { actionClient, translatedErrors } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { simulatorKeysFor, type SimulatorKeys } from "@/lib/sales-units/simulator";
import { msnOnlyInput } from "./input";

export type SimulatorKeysState = { ok: true; keys: SimulatorKeys } | { ok: false; error: string };

export const showSimulatorKeysAction = actionClient
  .metadata({ name: "show-simulator-keys", permission: "salesunits:manage" })
  .inputSchema(msnOnlyInput, translatedErrors)
  .stateAction(async ({ parsedInput: p, ctx }): Promise<SimulatorKeysState> => {
    const unit = await (
      await db()
    ).salesUnit.findUnique({
      where: { msn: p.msn },
      select: { msn: true, name: true, captureType: true, environment: true },
    });
    if (!unit) throw new AppError("not_found", `sales unit ${p.msn}`);
    if (!env().demoMode || unit.environment !== "simulator")
      throw new AppError("forbidden", "simulator keys exist only for simulator units in demo mode");
    const found = await simulatorKeysFor(unit);
    return found.ok
      ? { ok: true, keys: found.keys }
      : { ok: false, error: ctx.t.salesUnitsAdmin.simulator.unreachable };
  });
