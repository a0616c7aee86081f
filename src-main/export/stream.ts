// Writing large outputs in bounded memory: a file written a chunk at a time, and JSON arrays and
// CSV tables written an element at a time, each byte for byte what the whole-value call (for
// JSON.stringify(value, null, 2) and csv-stringify) would have produced.
import { closeSync, openSync, writeSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';

/** Bytes gathered before a write; the write blocks until the OS has them. */
const CHUNK = 1 << 16;

/**
 * A file written through one reused buffer: each text is encoded into it as it comes and the
 * buffer is written when full, so no text outlives the call that wrote it (a pending list of
 * strings would survive young-generation GCs and pile up in the old generation, issue 15).
 * Writes are synchronous: nothing queues in memory, so there is no backpressure to wait for.
 */
export class FileSink {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(CHUNK);
  private size = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  write(text: string): void {
    // A UTF-16 unit takes at most 3 bytes in UTF-8 (a surrogate pair: 4 for 2).
    if (this.size + text.length * 3 > CHUNK) {
      this.flush();
      if (text.length * 3 > CHUNK) {
        writeAll(this.fd, Buffer.from(text, 'utf8'));
        return;
      }
    }
    this.size += this.buffer.write(text, this.size, 'utf8');
  }

  close(): void {
    try {
      this.flush();
    } finally {
      closeSync(this.fd);
    }
  }

  private flush(): void {
    writeAll(this.fd, this.buffer.subarray(0, this.size));
    this.size = 0;
  }
}

/** writeSync may write less than it is given (a full disk, a pipe): write until all is out. */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
}

/** Writes to `path` through a sink; closes it whatever happens. */
export function withFile<T>(path: string, write: (sink: FileSink) => T): T {
  const sink = new FileSink(path);
  try {
    return write(sink);
  } finally {
    sink.close();
  }
}

/**
 * Writes the elements as a JSON array indented as JSON.stringify(array, null, 2) would, nested
 * `depth` levels deep (each level 2 spaces). Returns how many were written.
 */
export function writeJsonArray(
  sink: FileSink,
  elements: Iterable<unknown>,
  depth: number = 0,
): number {
  const outer = '  '.repeat(depth);
  const inner = `${outer}  `;
  let n = 0;
  for (const element of elements) {
    // A JSON string never holds a raw newline, so every newline is a line break to indent.
    const text = JSON.stringify(element, null, 2).replace(/\n/g, `\n${inner}`);
    sink.write(`${n === 0 ? '[\n' : ',\n'}${inner}${text}`);
    n++;
  }
  sink.write(n === 0 ? '[]' : `\n${outer}]`);
  return n;
}

/** What csv-stringify's sync call would write for the records as a whole, a record at a time. */
export class CsvWriter {
  private isStarted = false;

  constructor(
    private readonly sink: FileSink,
    private readonly options: Parameters<typeof stringify>[1],
  ) {}

  write(record: Record<string, unknown> | unknown[]): void {
    const header = !this.isStarted && this.options?.header === true;
    this.sink.write(stringify([record], { ...this.options, header }));
    this.isStarted = true;
  }

  /** With no record written: the header alone when it names its columns (as the sync call). */
  end(): void {
    if (!this.isStarted && this.options?.header === true && this.options.columns)
      this.sink.write(stringify([], this.options));
  }
}
