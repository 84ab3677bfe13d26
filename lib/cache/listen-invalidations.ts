// The web process's ear for invalidations: a dedicated connection LISTENing on INVALIDATION_CHANNEL
// (lib/db/listen.ts: reconnects every second, pings). Every message is applied to this process's
// caches. On every (re)connect all credential caches are cleared, because notifications sent while
// nobody listened are lost; the caches' TTLs remain the fallback for that gap.
import { listenChannel, type Listener } from "@/lib/db/listen";
import { applyInvalidation, clearCredentialCaches } from "./apply-invalidation";
import { decodeInvalidation, INVALIDATION_CHANNEL } from "./invalidation";

export type { Listener };

/** How the connection shows in pg_stat_activity. */
export const LISTENER_APP_NAME = "dynhost cache listener";

export function listenInvalidations(url: string, log: (line: string) => void, opts: { onConnect?: () => void } = {}): Listener {
  return listenChannel({
    url,
    channel: INVALIDATION_CHANNEL,
    name: "cache",
    log,
    appName: LISTENER_APP_NAME,
    onNotification: (payload) => applyInvalidation(decodeInvalidation(payload)),
    onConnect: () => {
      clearCredentialCaches();
      opts.onConnect?.();
    },
  });
}
