// One service per DATA_DIR: a pid file that a second `npm start` checks, and that a killed run
// leaves behind harmlessly (its pid is no longer alive).
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The pid of a live service using this DATA_DIR, if any. */
export function runningInstance(dataDir: string): number | undefined {
  const file = path.join(dataDir, "dynhost.pid");
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, "utf8").trim());
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid) ? pid : undefined;
}

/** Takes the lock or returns the pid that holds it. */
export function acquireInstanceLock(dataDir: string): { release(): void } | { heldBy: number } {
  const held = runningInstance(dataDir);
  if (held) return { heldBy: held };
  const file = path.join(dataDir, "dynhost.pid");
  writeFileSync(file, `${process.pid}\n`);
  return {
    release() {
      if (existsSync(file) && readFileSync(file, "utf8").trim() === String(process.pid)) rmSync(file);
    },
  };
}
