// The part of autocannon's programmatic API the benchmarks use (the package ships no types).
declare module "autocannon" {
  type Request = {
    setupRequest?: (req: Record<string, unknown>, context: Record<string, unknown>) => Record<string, unknown>;
    onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string>) => void;
  };
  type Options = { url: string; connections?: number; duration?: number; headers?: Record<string, string>; requests?: Request[] };
  type Percentiles = { p50: number; p97_5: number; p99: number; average: number };
  type Result = { duration: number; errors: number; timeouts: number; latency: Percentiles; requests: Percentiles & { total: number } };
  function autocannon(opts: Options): Promise<Result>;
  export default autocannon;
}
