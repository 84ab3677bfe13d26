// The web process's ear for invalidations: a dedicated connection LISTENing on INVALIDATION_CHANNEL
// (the same reconnect approach as lib/dns/outbox.ts listenOutbox). Every message is applied to this
// process's caches. On every (re)connect all credential caches are cleared, because notifications
// sent while nobody listened are lost; the caches' TTLs remain the fallback for that gap. A database
// restart or a lost connection is logged and retried every second, never thrown.
import pg from "pg";
import { applyInvalidation, clearCredentialCaches } from "./apply-invalidation";
import { decodeInvalidation, INVALIDATION_CHANNEL } from "./invalidation";

export type Listener = { close(): Promise<void> };

/** How the connection shows in pg_stat_activity. */
export const LISTENER_APP_NAME = "dynhost cache listener";
const RETRY_MS = 1000;
// A connection that died without a FIN/RST (network cut) would otherwise go unnoticed for good.
const PING_EVERY_MS = 30_000;
const PING_TIMEOUT_MS = 10_000;

export function listenInvalidations(url: string, log: (line: string) => void, opts: { onConnect?: () => void } = {}): Listener {
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    if (closed) return;
    const c = new pg.Client({ connectionString: url, keepAlive: true, application_name: LISTENER_APP_NAME });
    let lost = false;
    let ping: NodeJS.Timeout | undefined;
    const onLost = (why: string) => {
      clearInterval(ping);
      if (lost || closed) return;
      lost = true;
      log(`cache: LISTEN connection lost (${why}); reconnecting`);
      if (client === c) client = null;
      void c.end().catch(() => {});
      retry = setTimeout(() => void connect(), RETRY_MS);
    };
    c.on("notification", (n) => {
      if (n.channel === INVALIDATION_CHANNEL) applyInvalidation(decodeInvalidation(n.payload));
    });
    c.on("error", (e) => onLost(e.message));
    c.on("end", () => onLost("closed"));
    try {
      await c.connect();
      await c.query(`LISTEN ${INVALIDATION_CHANNEL}`);
      if (closed) return void (await c.end());
      client = c;
      clearCredentialCaches();
      ping = setInterval(() => {
        const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("ping timed out")), PING_TIMEOUT_MS).unref());
        Promise.race([c.query("SELECT 1"), timeout]).catch((e: unknown) => onLost(e instanceof Error ? e.message : String(e)));
      }, PING_EVERY_MS).unref();
      opts.onConnect?.();
    } catch (e) {
      onLost(e instanceof Error ? e.message : String(e));
    }
  };
  void connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
