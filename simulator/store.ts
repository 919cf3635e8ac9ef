// State, clock and persistence. Writes are debounced and atomic (temp file + rename), so a crash
// never leaves half a file, and the demo survives a restart.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { emptyState, type SimState } from "./types";

export class Store {
  state: SimState;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly file?: string) {
    this.state = file ? load(file) : emptyState();
  }

  /** The simulator's clock: real time plus a settable offset (for the 180/365-day limits and timeouts). */
  now(): number {
    return Date.now() + this.state.clockOffsetMs;
  }

  iso(ms = this.now()): string {
    return new Date(ms).toISOString();
  }

  nextTransactionId(): string {
    this.state.transactionCounter += 1 + Math.floor(Math.random() * 7);
    return String(this.state.transactionCounter);
  }

  changed(): void {
    if (!this.file || this.timer) return;
    this.timer = setTimeout(() => this.flush(), 200);
    this.timer.unref();
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.file) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${randomBytes(4).toString("hex")}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.state));
    renameSync(tmp, this.file);
  }

  reset(): void {
    this.state = emptyState();
    this.changed();
  }
}

function load(file: string): SimState {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as SimState;
    if (parsed.version !== 1) throw new Error(`unknown simulator state version ${String(parsed.version)}`);
    return { ...emptyState(), ...parsed, settings: { ...emptyState().settings, ...parsed.settings } };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return emptyState();
    throw new Error(`Simulator state ${file} is unreadable (${(err as Error).message}); move it away to start fresh`);
  }
}

export const randomKey = (bytes = 16) => randomBytes(bytes).toString("hex");
