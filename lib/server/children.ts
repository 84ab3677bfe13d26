// Supervised child processes. A child that dies is restarted (up to 5 times in 60 s); one that
// keeps dying, or exits with a "do not restart" code, takes the whole service down with a clear
// message — never a half-alive service.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export type ChildSpec = {
  name: string;
  /** TypeScript entry, relative to the project root. */
  entry: string;
  env: NodeJS.ProcessEnv;
  /** A stdout line matching this means the child is ready. */
  ready: RegExp;
  /** Exit codes that mean "configuration problem": no restart. */
  fatalCodes?: number[];
  /** Extra Node.js options (e.g. a heap limit). */
  nodeArgs?: string[];
};

const root = path.resolve(import.meta.dirname, "..", "..");
const RESTARTS = 5;
const WINDOW_MS = 60_000;

export class Supervised {
  private child?: ChildProcess;
  private stopping = false;
  private restarts: number[] = [];

  constructor(
    private readonly spec: ChildSpec,
    private readonly onFatal: (message: string) => void,
  ) {}

  /** Starts the child and resolves when it prints its ready line. */
  start(timeoutMs = 180_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const { spec } = this;
      const guard = path.join(root, "lib", "server", "orphan-guard.mjs");
      const child = spawn(process.execPath, [...(spec.nodeArgs ?? []), "--import", "tsx", "--import", guard, path.join(root, spec.entry)], {
        cwd: root,
        env: { ...spec.env, DYNHOST_SUPERVISED: "1" },
        stdio: ["pipe", "pipe", "pipe"],
        // Its own process group: a Ctrl-C or a group kill reaches only the supervisor, which then
        // stops the children in order (instead of them exiting and being "restarted").
        detached: true,
      });
      this.child = child;
      let ready = false;
      const timer = setTimeout(() => {
        if (!ready) reject(new Error(`${spec.name} did not become ready in ${timeoutMs / 1000} s`));
      }, timeoutMs);
      const prefix = (line: string) => `[${spec.name}] ${line}`;
      let buf = "";
      child.stdout!.on("data", (b: Buffer) => {
        buf += b.toString();
        let i: number;
        while ((i = buf.indexOf("\n")) >= 0) {
          const line = buf.slice(0, i);
          buf = buf.slice(i + 1);
          console.log(prefix(line));
          if (!ready && spec.ready.test(line)) {
            ready = true;
            clearTimeout(timer);
            resolve();
          }
        }
      });
      child.stderr!.on("data", (b: Buffer) => {
        for (const line of b.toString().split("\n")) if (line) console.error(prefix(line));
      });
      child.on("exit", (code, signal) => {
        clearTimeout(timer);
        if (this.stopping) return;
        const why = signal ? `was killed by ${signal}` : `exited with code ${code}`;
        if (!ready) {
          reject(new Error(`${spec.name} ${why} before it was ready`));
          return;
        }
        if (code !== null && spec.fatalCodes?.includes(code)) {
          this.onFatal(`${spec.name} ${why}; not restarting.`);
          return;
        }
        const now = Date.now();
        this.restarts = this.restarts.filter((t) => now - t < WINDOW_MS);
        if (this.restarts.length >= RESTARTS) {
          this.onFatal(`${spec.name} ${why} ${RESTARTS} times within a minute; stopping the service.`);
          return;
        }
        this.restarts.push(now);
        console.error(`[supervisor] ${spec.name} ${why}; restarting`);
        this.start().catch((err: Error) => this.onFatal(`${spec.name} could not be restarted: ${err.message}`));
      });
    });
  }

  /** SIGTERM, then SIGKILL after `graceMs`. */
  stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const kill = setTimeout(() => child.kill("SIGKILL"), graceMs);
      child.once("exit", () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill("SIGTERM");
    });
  }
}
