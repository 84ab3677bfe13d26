// The operator CLI's command contract. Each command lives in lib/cli/commands/<topic>.ts and is
// registered in lib/cli/commands/index.ts; lib/cli/main.ts parses argv and runs it.
import type { Db } from "@/lib/db";

export type ParsedArgs = { positional: string[]; flags: Record<string, string | true> };

export type CliContext = {
  db: Db;
  /** Prints one line to stdout (results, secrets shown once). */
  out(line: string): void;
  /** Prints one line to stderr (errors, warnings). */
  err(line: string): void;
};

/** A command. run() returns the exit code; a thrown AppError is printed as one line, exit 1. */
export type CliCommand = {
  name: string; // e.g. "user:create"
  usage: string; // e.g. "user:create --email <email> --password <pw> [--role USER|ABUSE|BILLING|ADMIN]"
  summary: string;
  run(args: ParsedArgs, ctx: CliContext): Promise<number>;
};
