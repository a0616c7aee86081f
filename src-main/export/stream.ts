// Writing large outputs in bounded memory: a file written a chunk at a time, and JSON arrays and
// CSV tables written an element at a time, each byte for byte what the whole-value call (for
// JSON.stringify(value, null, 2) and csv-stringify) would have produced.
import { closeSync, openSync, writeSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';

/** Text is gathered up to this size, then written; the write blocks until the OS has it. */
const CHUNK = 1 << 20;

export class FileSink {
  private readonly fd: number;
  private parts: string[] = [];
  private size = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) this.flush();
  }

  close(): void {
    try {
      this.flush();
    } finally {
      closeSync(this.fd);
    }
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
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
