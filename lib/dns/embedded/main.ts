// Standalone entry: `node --import tsx lib/dns/embedded/main.ts '<json>'` (or the JSON in the
// EMBEDDED_DNS_CONFIG environment variable, which keeps the control key out of `ps`). Prints
// `dns ready udp=<port> tcp=<port> control=<url>` once serving; SIGTERM/SIGINT close it cleanly.
import { startEmbeddedDnsServer } from "./server";
import type { EmbeddedDnsOptions } from "./types";

function readConfig(): EmbeddedDnsOptions {
  const text = process.argv[2] ?? process.env.EMBEDDED_DNS_CONFIG;
  if (!text) throw new Error("pass the settings as a JSON argument or in EMBEDDED_DNS_CONFIG");
  const config = JSON.parse(text) as EmbeddedDnsOptions;
  if (typeof config.dataDir !== "string" || !Array.isArray(config.zones) || typeof config.controlKey !== "string") {
    throw new Error("settings need dataDir (string), zones (string[]) and controlKey (string)");
  }
  return config;
}

async function main(): Promise<void> {
  const server = await startEmbeddedDnsServer({
    ...readConfig(),
    onStoreFailure: (e) => {
      console.error("embedded dns: the journal cannot be written, exiting:", e);
      process.exit(1);
    },
  });
  process.stdout.write(`dns ready udp=${server.udpPort} tcp=${server.tcpPort} control=${server.controlUrl}\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(`embedded dns: error while stopping on ${signal}:`, e);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((e: unknown) => {
  console.error("embedded dns: cannot start:", e instanceof Error ? e.message : e);
  process.exit(1);
});
