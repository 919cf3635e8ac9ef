// npm run simulator — the eCom v2 simulator on its own (state in .data/simulator/state.json).
import path from "node:path";
import { env } from "@/lib/env";
import { startSimulator } from "./server";

const e = env();
const sim = await startSimulator({
  port: e.simulatorPort,
  stateFile: path.join(e.dataDir, "simulator", "state.json"),
  log: (line) => console.error(`[simulator] ${line}`),
});
console.log(`[simulator] eCom v2 simulator on ${sim.url} (controls under ${sim.url}/_sim/)`);
const stop = async () => {
  await sim.close();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
