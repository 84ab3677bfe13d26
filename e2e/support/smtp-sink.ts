// A loopback SMTP server for the e2e "real SMTP" configuration (started by playwright.config.ts as
// a webServer): receives on E2E_SMTP_PORT and lists what it got as JSON on E2E_SINK_PORT
// (GET /messages?to=<address>, GET /health).
import http from "node:http";
import { startTestSmtp } from "@/tests/support/smtp-server";

const smtp = await startTestSmtp(Number(process.env.E2E_SMTP_PORT));
const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  if (url.pathname === "/health") {
    res.end("ok");
    return;
  }
  if (url.pathname === "/messages") {
    const to = url.searchParams.get("to");
    const list = smtp.messages.filter((m) => !to || m.to.includes(to)).map(({ raw: _raw, ...m }) => m);
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(list));
    return;
  }
  res.statusCode = 404;
  res.end();
});
server.listen(Number(process.env.E2E_SINK_PORT), "127.0.0.1", () =>
  console.log(`smtp sink: smtp://127.0.0.1:${smtp.port}, http://127.0.0.1:${process.env.E2E_SINK_PORT}`),
);
const stop = () => void smtp.stop().then(() => server.close(() => process.exit(0)));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
