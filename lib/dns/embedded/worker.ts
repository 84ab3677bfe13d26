// Entry of a UDP worker process (forked by cluster.ts): builds its own index from the primary's
// state, answers UDP on the shared socket, and applies each batch the primary sends, acknowledging it.
import { Answerer } from "./answer";
import type { FromWorker, ToWorker } from "./cluster";
import { listenUdp } from "./udp";
import { ZoneIndex } from "./zone-index";

let index: ZoneIndex | null = null;
let socket: Awaited<ReturnType<typeof listenUdp>> | null = null;
const reply = (m: FromWorker) => process.send?.(m);

process.on("message", (m: ToWorker) => {
  if (m.t === "init") {
    index = new ZoneIndex(m.settings);
    index.loadState(m.state);
    index.lastSeq = m.lastSeq;
    listenUdp(m.host, m.port, new Answerer(index), false).then(
      (s) => {
        socket = s;
        reply({ t: "ready" });
      },
      (e: unknown) => {
        reply({ t: "failed", error: String(e) });
        process.exit(1);
      },
    );
  } else if (m.t === "batches" && index) {
    for (const b of m.batches) if (b.seq > index.lastSeq) index.applyBatch(b);
    reply({ t: "ack", seq: index.lastSeq });
  } else if (m.t === "stop") {
    void (socket?.close() ?? Promise.resolve()).then(() => process.exit(0));
  }
});
reply({ t: "listening" });
process.on("disconnect", () => process.exit(0));
process.on("SIGTERM", () => undefined);
process.on("SIGINT", () => undefined);
