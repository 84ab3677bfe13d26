// A dedicated connection LISTENing on one PostgreSQL channel, for as long as the process wants it.
// A lost connection (database restart, network cut, killed backend) is logged and retried every
// second, never thrown; a connection that died silently is noticed by a periodic ping. Every
// (re)connect calls onConnect: notifications sent while nobody listened are lost, so the caller
// catches up then (the dispatcher runs a batch, the credential caches are cleared).
import pg from "pg";

export type Listener = { close(): Promise<void> };

const RETRY_MS = 1000;
const PING_TIMEOUT_MS = 10_000;

export function listenChannel(opts: {
  url: string;
  channel: string;
  /** Prefix of the log lines, e.g. "dns". */
  name: string;
  log: (line: string) => void;
  onNotification: (payload: string | undefined) => void;
  onConnect: () => void;
  /** How the connection shows in pg_stat_activity. */
  appName?: string;
  pingMs?: number;
}): Listener {
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    if (closed) return;
    const c = new pg.Client({ connectionString: opts.url, keepAlive: true, application_name: opts.appName });
    let lost = false;
    let ping: NodeJS.Timeout | undefined;
    const onLost = (why: string) => {
      clearInterval(ping);
      if (lost || closed) return;
      lost = true;
      opts.log(`${opts.name}: LISTEN connection lost (${why}); reconnecting`);
      if (client === c) client = null;
      void c.end().catch(() => {});
      retry = setTimeout(() => void connect(), RETRY_MS);
    };
    c.on("notification", (n) => {
      if (n.channel === opts.channel) opts.onNotification(n.payload);
    });
    c.on("error", (e) => onLost(e.message));
    c.on("end", () => onLost("closed"));
    try {
      await c.connect();
      await c.query(`LISTEN ${opts.channel}`);
      if (closed) return void (await c.end());
      client = c;
      ping = setInterval(() => {
        const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("ping timed out")), PING_TIMEOUT_MS).unref());
        Promise.race([c.query("SELECT 1"), timeout]).catch((e: unknown) => onLost(e instanceof Error ? e.message : String(e)));
      }, opts.pingMs ?? 30_000).unref();
      opts.onConnect();
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
