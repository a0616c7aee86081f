// The streamed writers against the whole-value calls they replace: byte for byte.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { small } from '../sweeps/sweep-test-helpers';
import { SweepService } from '../sweeps/service';
import { openStore } from '../store/store';
import { writeGamesJson, writeGamesJsonl } from './games';
import { CsvWriter, FileSink, withFile, writeJsonArray } from './stream';

const dir = mkdtempSync(join(tmpdir(), 'parley-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const read = (name: string) => readFileSync(join(dir, name), 'utf8');

describe('FileSink', () => {
  it('writes the bytes one writeFileSync of the joined text writes, across its 64 KiB buffer', () => {
    // Multi-byte characters (2, 3 and 4 bytes; a lone surrogate becomes U+FFFD) land on every
    // offset of the buffer's end, and one text alone is larger than the buffer.
    const unit = 'é€😀\ud800,ab';
    const texts: string[] = [];
    for (let i = 0; i < 20_000; i++) texts.push(unit.repeat(1 + ((i * 7) % 13)).slice(i % 3));
    texts.splice(2000, 0, 'x€'.repeat(50_000), '');
    const sink = new FileSink(join(dir, 'sink.txt'));
    for (const t of texts) sink.write(t);
    sink.close();
    writeFileSync(join(dir, 'joined.txt'), texts.join(''));
    const written = readFileSync(join(dir, 'sink.txt'));
    expect(written.length).toBeGreaterThan(30 * (1 << 16));
    expect(written.equals(readFileSync(join(dir, 'joined.txt')))).toBe(true);
  });
});

describe('writeJsonArray', () => {
  const cases: unknown[][] = [
    [],
    [1],
    [{ a: 1, b: [1, { c: 'x\ny' }], d: [] }, null, 'two', { e: {} }],
  ];
  it.each(cases.map((c, i) => [i, c] as const))(
    'case %i as JSON.stringify at depth 0 and 2',
    (i, elements) => {
      withFile(join(dir, `a${i}.json`), (sink) => writeJsonArray(sink, elements));
      expect(read(`a${i}.json`)).toBe(JSON.stringify(elements, null, 2));
      withFile(join(dir, `b${i}.json`), (sink) => {
        sink.write('{\n  "x": {\n    "y": ');
        writeJsonArray(sink, elements, 2);
        sink.write('\n  }\n}');
      });
      expect(read(`b${i}.json`)).toBe(JSON.stringify({ x: { y: elements } }, null, 2));
    },
  );
});

describe('CsvWriter', () => {
  const records = [
    { a: 'plain', b: true, c: null },
    { a: 'with "quotes", and commas', b: false, c: 1.5 },
    { a: 'line\nbreak', b: null, c: -0 },
  ];
  const options = { header: true, cast: { boolean: (v: boolean) => (v ? 'true' : 'false') } };
  it('writes what one csv-stringify call over every record writes', () => {
    withFile(join(dir, 'r.csv'), (sink) => {
      const csv = new CsvWriter(sink, options);
      for (const r of records) csv.write(r);
      csv.end();
    });
    expect(read('r.csv')).toBe(stringify(records, options));
  });
  it('writes the header alone when no record comes and the columns are named', () => {
    const named = { header: true, columns: ['x', 'y'] };
    withFile(join(dir, 'empty.csv'), (sink) => new CsvWriter(sink, named).end());
    expect(read('empty.csv')).toBe(stringify([], named));
    expect(read('empty.csv')).toBe('x,y\n');
    withFile(join(dir, 'none.csv'), (sink) => new CsvWriter(sink, options).end());
    expect(read('none.csv')).toBe(stringify([], options));
  });
});

describe('game exports', () => {
  it('json is the whole {sweep, games} value; jsonl a game with its turns a line', async () => {
    const store = openStore(join(dir, 'games.db'));
    try {
      const service = new SweepService(store);
      const { sweepId, total } = service.create(small({ runs: { seeds: [7] } }));
      await service.start(sweepId);
      expect(total).toBe(8);
      const sweep = store.getSweep(sweepId)!;
      const games = store
        .listGames({ sweepId })
        .map((g) => ({ ...g, turns: store.getTurns(g.id) }));
      expect(games.every((g) => g.status === 'finished' && g.turns.length > 10)).toBe(true);
      expect(writeGamesJson(store, sweep, dir)).toBe(join(dir, 'sweep.json'));
      expect(read('sweep.json')).toBe(`${JSON.stringify({ sweep, games }, null, 2)}\n`);
      expect(writeGamesJsonl(store, sweep, dir)).toEqual([
        join(dir, 'sweep.json'),
        join(dir, 'games.jsonl'),
      ]);
      expect(read('sweep.json')).toBe(`${JSON.stringify(sweep, null, 2)}\n`);
      expect(read('games.jsonl')).toBe(games.map((g) => `${JSON.stringify(g)}\n`).join(''));
    } finally {
      store.close();
    }
  });
});
