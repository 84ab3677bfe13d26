// Clean-up registry: every process, database and temp folder a benchmark starts is registered
// here and disposed in reverse order when the benchmark ends, fails or the run is interrupted.
export class Cleanup {
  private readonly steps: { what: string; fn: () => Promise<void> | void }[] = [];
  /** Set before dispose() when the work failed, so steps can leave evidence (e.g. a log tail). */
  failure: Error | undefined;

  /** Registers `fn` to run at dispose time (last registered runs first). */
  add(what: string, fn: () => Promise<void> | void): void {
    this.steps.push({ what, fn });
  }

  /** Runs every step once, newest first; a failing step is reported and the rest still run. */
  async dispose(log: (line: string) => void = console.error): Promise<void> {
    while (this.steps.length > 0) {
      const step = this.steps.pop()!;
      try {
        await step.fn();
      } catch (e) {
        log(`clean-up of ${step.what} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }

  get size(): number {
    return this.steps.length;
  }
}
