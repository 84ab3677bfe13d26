// GET /api/ping — a constant "ok" through Next.js's route handler: the framework-ceiling reference
// `npm run bench` measures beside the machine endpoints (bench/throughput.ts).
export const dynamic = "force-dynamic";

export function GET(): Response {
  return new Response("ok", { headers: { "content-type": "text/plain; charset=utf-8" } });
}
