// The last resort of the event writer: at process exit, queued UpdateEvents are written
// synchronously to DATA_DIR/spool/<database>/, and the next writer on the same database takes
// them back (claimed by an atomic rename, so two processes never both replay a file).
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDir, env } from "@/lib/env";
import type { UpdateEventRow } from "./types";

function spoolDir(): string | null {
  const url = env().DATABASE_URL;
  if (!url) return null;
  const id = createHash("sha256").update(url).digest("hex").slice(0, 16);
  return path.join(dataDir(), "spool", `update-events-${id}`);
}

/** Registers the exit hook that spools whatever `pending()` still holds. */
export function spoolOnExit(pending: () => UpdateEventRow[]): void {
  process.once("exit", () => {
    const rows = pending();
    const dir = spoolDir();
    if (rows.length === 0 || !dir) return;
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, `${process.pid}-${Date.now()}.jsonl`), rows.map((r) => JSON.stringify(r)).join("\n") + "\n");
    } catch (err) {
      console.error(`[updates] could not spool ${rows.length} update events: ${(err as Error).message}`);
    }
  });
}

/** Takes every spooled event left by earlier processes on this database. */
export function takeSpooled(): UpdateEventRow[] {
  const dir = spoolDir();
  if (!dir) return [];
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".jsonl"));
  } catch {
    return [];
  }
  const rows: UpdateEventRow[] = [];
  for (const f of files) {
    const claimed = path.join(dir, `${f}.claimed-${process.pid}`);
    try {
      renameSync(path.join(dir, f), claimed);
    } catch {
      continue;
    }
    for (const line of readFileSync(claimed, "utf8").split("\n")) {
      try {
        if (line.trim()) rows.push(JSON.parse(line) as UpdateEventRow);
      } catch {
        console.error(`[updates] skipped a corrupt spooled update event in ${f}`);
      }
    }
    rmSync(claimed, { force: true });
  }
  return rows;
}
