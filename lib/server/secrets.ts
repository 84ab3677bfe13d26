// Secrets generated on first start and kept in DATA_DIR (mode 0600), so that a restart keeps
// sessions valid and the DNS control channel authenticated, with nothing to configure.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Reads DATA_DIR/<name>, creating it with a random 32-byte base64url value when missing. */
export function persistentSecret(dataDir: string, name: string): string {
  const file = path.join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const value = randomBytes(32).toString("base64url");
  writeFileSync(file, value + "\n", { mode: 0o600 });
  return value;
}
