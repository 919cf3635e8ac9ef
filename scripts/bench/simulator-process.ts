// The eCom simulator in a process of its own, state in memory only (no state file rewritten on
// every change): for benchmarks that must not share an event loop with their load generator.
// Prints "ready <url>" once it listens on SIMULATOR_PORT.
import { startSimulator } from "@/simulator/server";

const sim = await startSimulator({ port: Number(process.env.SIMULATOR_PORT ?? 0) });
console.log(`ready ${sim.url}`);
const stop = async () => {
  await sim.close();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
