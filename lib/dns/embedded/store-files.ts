// Files of the embedded store's data folder: the LOCK holding the owner's PID, the journal
// (JSON lines; a torn last line from a crash is cut off) and the snapshot (written aside, renamed).
import fs from "node:fs/promises";
import path from "node:path";
import type { IndexState } from "./zone-index";
import type { Batch } from "./types";

export type Snapshot = IndexState & { seq: number };

/** Another live process holds the data folder. */
export class DataDirLockedError extends Error {}

// Take `<dir>/LOCK` for this process (taking over a dead owner's lock); resolves to its release.
export async function acquireLock(dir: string): Promise<() => Promise<void>> {
  const file = path.join(dir, "LOCK");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fs.writeFile(file, String(process.pid), { flag: "wx" });
      return () => fs.rm(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const pid = Number(await fs.readFile(file, "utf8").catch(() => "0"));
      if (pid > 0 && pid !== process.pid && alive(pid)) {
        throw new DataDirLockedError(`${dir} is in use by process ${pid}`);
      }
      if (pid === process.pid) throw new DataDirLockedError(`${dir} is already open in this process`);
      await fs.rm(file, { force: true });
    }
  }
  throw new DataDirLockedError(`cannot lock ${dir}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

// Every complete batch in the journal, in order; a torn final line is truncated away.
export async function readJournal(file: string): Promise<Batch[]> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw e;
  }
  const batches: Batch[] = [];
  let offset = 0;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === "") {
      offset += 1;
      continue;
    }
    try {
      batches.push(JSON.parse(line) as Batch);
    } catch (e) {
      if (lines.slice(i + 1).some((l) => l !== "")) throw new Error(`${file}: corrupt entry at byte ${offset}`, { cause: e });
      await fs.truncate(file, Buffer.byteLength(text.slice(0, offset)));
      break;
    }
    offset += line.length + 1;
  }
  return batches;
}

// Write the snapshot durably: temp file, fsync, rename over the old one, fsync the folder.
export async function writeSnapshot(dir: string, snap: Snapshot): Promise<void> {
  const tmp = path.join(dir, "snapshot.json.tmp");
  const fh = await fs.open(tmp, "w");
  try {
    await fh.writeFile(JSON.stringify(snap));
    await fh.sync();
  } finally {
    await fh.close();
  }
  await fs.rename(tmp, path.join(dir, "snapshot.json"));
  const d = await fs.open(dir, "r");
  try {
    await d.sync();
  } finally {
    await d.close();
  }
}
