// `npm run cli -- <command> [args]`: the operator CLI. Works against DATABASE_URL, or against the
// embedded PostgreSQL in DATA_DIR whether or not the service is running (it starts the server for
// the duration of the command when needed).
import { parseArgs, UsageError } from "@/lib/cli/args";
import { COMMANDS } from "@/lib/cli/commands";
import { createDb } from "@/lib/db";
import { startEmbeddedPostgres, type EmbeddedPg } from "@/lib/db/embedded-postgres";
import { migrate } from "@/lib/db/migrate";
import { dataDir, env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { runningInstance } from "@/lib/server/instance-lock";

function help(): void {
  console.log("usage: npm run cli -- <command> [options]\n");
  for (const c of COMMANDS) console.log(`  ${c.usage.padEnd(64)} ${c.summary}`);
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help") {
    help();
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    console.error(`unknown command "${name}" (try: npm run cli -- help)`);
    return 2;
  }
  const e = env();
  let pg: EmbeddedPg | undefined;
  let url = e.DATABASE_URL;
  if (!url) {
    const reuse = runningInstance(dataDir()) !== undefined;
    pg = await startEmbeddedPostgres({ dataDir: dataDir(), port: e.EMBEDDED_PG_PORT, reuseRunning: reuse });
    url = pg.url;
  }
  await migrate(url);
  const client = createDb(url, 2);
  try {
    return await command.run(parseArgs(rest), {
      db: client,
      out: (l) => console.log(l),
      err: (l) => console.error(l),
    });
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`${err.message}\nusage: npm run cli -- ${command.usage}`);
      return 2;
    }
    if (isAppError(err)) {
      console.error(`error: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    await client.$disconnect();
    await pg?.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(`error: ${(err as Error).message}`);
    process.exit(1);
  },
);
