// COPY … FROM STDIN with the plain `pg` client (no extra package): a "submittable" query that
// streams text-format rows to the server with back-pressure. Used by scripts/seed-hosts.ts.
import { once } from "node:events";
import type pg from "pg";

type Connection = {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
  stream: NodeJS.WritableStream & { writableNeedDrain?: boolean };
};

/** One value in COPY text format (\N for null; backslash, tab, newline, CR escaped). */
export function copyValue(v: string | number | boolean | null): string {
  if (v === null) return "\\N";
  return String(v).replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

/** A PostgreSQL array literal of plain strings, e.g. {10.0.0.1,10.0.0.2} (quoted when needed). */
export function arrayLiteral(values: string[]): string {
  return `{${values.map((v) => (/^[A-Za-z0-9.:_-]+$/.test(v) ? v : `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`)).join(",")}}`;
}

class CopyFromStdin {
  private error: Error | undefined;
  private finished = false;
  rowCount = 0;

  constructor(
    readonly text: string,
    private readonly rows: Iterable<(string | number | boolean | null)[]>,
    private readonly done: (err: Error | undefined, rows: number) => void,
  ) {}

  submit(connection: Connection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: Connection): void {
    this.pump(connection).catch((e: Error) => {
      this.error = e;
      connection.sendCopyFail(e.message);
    });
  }

  private async pump(connection: Connection): Promise<void> {
    let chunk: string[] = [];
    let size = 0;
    for (const row of this.rows) {
      if (this.error) return;
      const line = row.map(copyValue).join("\t") + "\n";
      chunk.push(line);
      size += line.length;
      if (size >= 1 << 16) {
        connection.sendCopyFromChunk(Buffer.from(chunk.join("")));
        chunk = [];
        size = 0;
        if (connection.stream.writableNeedDrain) await once(connection.stream, "drain");
      }
    }
    if (chunk.length) connection.sendCopyFromChunk(Buffer.from(chunk.join("")));
    connection.endCopyFrom();
  }

  handleCommandComplete(msg: { text?: string; command?: string; rowCount?: number }): void {
    this.rowCount = msg.rowCount ?? Number(/\d+$/.exec(msg.text ?? "")?.[0] ?? 0);
  }

  // pg drops a query from its books on an error message: finish now (the server ignores the
  // CopyData still in flight once the COPY has failed).
  handleError(err: Error): void {
    this.error ??= err;
    this.finish();
  }

  handleReadyForQuery(): void {
    this.finish();
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.done(this.error, this.rowCount);
  }

  handleEmptyQuery(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
}

/** Runs `COPY <table> (<columns>) FROM STDIN` with the given rows; resolves with the row count. */
export function copyRows(client: pg.Client | pg.PoolClient, table: string, columns: string[], rows: Iterable<(string | number | boolean | null)[]>): Promise<number> {
  const text = `COPY ${table} (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`;
  return new Promise((resolve, reject) => {
    const q = new CopyFromStdin(text, rows, (err, n) => (err ? reject(err) : resolve(n)));
    void client.query(q as unknown as pg.QueryConfig);
  });
}
