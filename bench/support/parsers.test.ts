import { describe, expect, it } from "vitest";
import { parseDnsperf, rateInside } from "./dnsperf";
import { answerRate, otherAnswers } from "./load";
import { parseWrkOutput } from "./wrk";

const WRK = `Running 10s test @ http://127.0.0.1:40001
  1 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    12.21ms    8.11ms  62.76ms   95.12%
    Req/Sec     1.31k   100.00     1.50k    80.00%
  13104 requests in 10.02s, 2.50MB read
  Socket errors: connect 0, read 3, write 0, timeout 2
Requests/sec:   1307.78
Transfer/sec:    255.10KB
BENCHCOUNTS {"200 good":13000,"200 911":100,"429 abuse":4}
BENCHLATENCY 11250 20973 62763 13104
`;

const DNSPERF = `[Status] Sending queries (to 127.0.0.1:5353)
1795631807.811569: 0.000000
1795631808.811569: 30123.000000
1795631809.811569: 29877.000000
1795631810.812000: 15000.000000
Statistics:

  Queries sent:         117740
  Queries completed:    117726 (99.99%)
  Queries lost:         14 (0.01%)

  Response codes:       NOERROR 117000 (99.38%), NXDOMAIN 726 (0.62%)
  Average packet size:  request 33, response 49
  Run time (s):         3.001
  Queries per second:   39224.512

  Average Latency (s):  0.004280 (min 0.000020, max 0.120000)
  Latency StdDev (s):   0.010000
`;

describe("parseWrkOutput", () => {
  it("reads rate, duration, latency percentiles, answer counts and socket errors", () => {
    const r = parseWrkOutput(WRK);
    expect(r).toEqual({
      requestsPerSecond: 1307.78,
      requests: 13104,
      durationS: 10.02,
      latencyMs: { p50: 11.25, p95: 20.973, p99: 62.763 },
      answers: { "200 good": 13000, "200 911": 100, "429 abuse": 4 },
      socketErrors: 5,
    });
    const load = { tool: "wrk" as const, ...r };
    expect(answerRate(load, "200 good")).toBeCloseTo(1297.41, 2);
    expect(otherAnswers(load, ["200 good"])).toBe("200 911×100, 429 abuse×4");
  });

  it("fails loudly on output without a rate", () => {
    expect(() => parseWrkOutput("unable to connect to 127.0.0.1:1 Connection refused")).toThrow(/wrk printed no Requests\/sec/);
  });
});

describe("parseDnsperf", () => {
  it("reads the statistics block and the whole seconds of -S 1", () => {
    expect(parseDnsperf(DNSPERF)).toEqual({
      queriesPerSecond: 39224.512,
      sent: 117740,
      completed: 117726,
      lost: 14,
      rcodes: { NOERROR: 99.38, NXDOMAIN: 0.62 },
      avgLatencyMs: 4.28,
      perSecond: [30123, 29877, 15000],
      samples: [
        { at: 1795631807.811569, qps: 0 },
        { at: 1795631808.811569, qps: 30123 },
        { at: 1795631809.811569, qps: 29877 },
        { at: 1795631810.812, qps: 15000 },
      ],
    });
  });

  it("splits per-second rates into inside / wholly outside a window, weighted by overlap", () => {
    const samples = [10, 11, 12, 13, 14, 15].map((at, i) => ({ at, qps: [100, 100, 40, 60, 100, 100][i]! }));
    // window [11.5, 13]: half of second 11–12 (40), all of 12–13 (60) → (0.5·40 + 1·60) / 1.5
    expect(rateInside(samples, 11.5, 13)).toEqual({ inside: (0.5 * 40 + 60) / 1.5, outside: 100 });
    expect(rateInside(samples, 20, 21)).toEqual({ inside: null, outside: (100 * 4 + 40 + 60) / 6 });
  });

  it("fails loudly when the statistics are missing", () => {
    expect(() => parseDnsperf("[Fatal] unable to open datafile")).toThrow(/dnsperf printed no "Queries per second"/);
  });
});
