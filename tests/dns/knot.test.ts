// The RFC 2136 provider against a real Knot DNS (knotd): the shared conformance suite, then the
// live RFC 2136 tests (exact UPDATE traffic, keys, outages, 2 000 rrsets).
import { createRfc2136Provider } from "@/lib/dns/providers/rfc2136";
import { startKnot } from "@/tests/support/knot";
import { conformanceSuite } from "./conformance";
import { rfc2136LiveSuite } from "./rfc2136-live";

conformanceSuite("Knot DNS 3 (RFC 2136 + TSIG)", async () => {
  const server = await startKnot();
  const provider = createRfc2136Provider({ server, tsig: server.key });
  return { provider, zone: server.zone, dns: { host: server.host, port: server.port }, teardown: () => server.stop() };
});

rfc2136LiveSuite("Knot DNS", startKnot);
