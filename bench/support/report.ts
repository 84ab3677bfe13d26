// The machine-readable results (`npm run bench -- --json <file>`): the machine they were measured
// on and every result row, exactly as printed in the table.
import { writeFileSync } from "node:fs";
import os from "node:os";
import type { Result } from "../types";

export type Machine = { cpu: string; cores: number; /** Total memory in MiB. */
  mem: number; node: string; os: string; date: string };
export type Report = { machine: Machine; command: string; quick: boolean; results: Result[] };

export function machineInfo(now = new Date()): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    mem: Math.round(os.totalmem() / 2 ** 20),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    date: now.toISOString(),
  };
}

/** Writes the report as pretty JSON; returns what was written. */
export function writeReport(file: string, report: Report): string {
  const text = JSON.stringify(report, null, 2) + "\n";
  writeFileSync(file, text);
  return text;
}
