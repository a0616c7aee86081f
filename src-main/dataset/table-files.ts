// Writes a derived table as Parquet (hyparquet-writer) and CSV with the same columns. Parquet
// types follow what pandas writes for the pipeline's own tables: int64, double, bool, string and
// LIST columns of string and double; nullable columns are OPTIONAL. In the CSV a null is an empty
// cell, a boolean is true/false and a list is a JSON array.
import { closeSync, openSync, writeSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { parquetWriteFile } from 'hyparquet-writer';
import type { ColumnSpec, ColumnType } from './janus-schema';

const CSV_SLICE = 10_000;

type SchemaElement = NonNullable<Parameters<typeof parquetWriteFile>[0]['schema']>[number];

function leaf(type: 'string' | 'double' | 'int64' | 'bool') {
  switch (type) {
    case 'string':
      return { type: 'BYTE_ARRAY', converted_type: 'UTF8' } as const;
    case 'double':
      return { type: 'DOUBLE' } as const;
    case 'int64':
      return { type: 'INT64' } as const;
    case 'bool':
      return { type: 'BOOLEAN' } as const;
  }
}

function schemaOf(name: string, type: ColumnType, nullable: boolean): SchemaElement[] {
  const repetition_type = nullable ? 'OPTIONAL' : 'REQUIRED';
  if (type === 'string[]' || type === 'double[]')
    return [
      { name, repetition_type, converted_type: 'LIST', num_children: 1 },
      { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
      {
        name: 'element',
        repetition_type: 'REQUIRED',
        ...leaf(type === 'string[]' ? 'string' : 'double'),
      },
    ];
  return [{ name, repetition_type, ...leaf(type) }];
}

/** The Parquet schema of `columns`. */
export function parquetSchema<Row>(columns: readonly ColumnSpec<Row>[]): SchemaElement[] {
  return [
    { name: 'schema', num_children: columns.length },
    ...columns.flatMap((c) => schemaOf(c.name, c.type, c.nullable)),
  ];
}

/** Write `rows` to `<base>.parquet` and `<base>.csv`; returns both paths. */
export function writeTable<Row>(
  base: string,
  columns: readonly ColumnSpec<Row>[],
  rows: readonly Row[],
): string[] {
  const parquet = `${base}.parquet`;
  parquetWriteFile({
    filename: parquet,
    schema: parquetSchema(columns),
    columnData: columns.map((c) => ({
      name: c.name,
      data: rows.map((r) => {
        const v = r[c.name] as unknown;
        return c.type === 'int64' && typeof v === 'number' ? BigInt(v) : v;
      }),
    })),
    createdBy: 'parley',
  });
  const csv = `${base}.csv`;
  const cell = (v: unknown) =>
    v === null ? '' : Array.isArray(v) ? JSON.stringify(v) : typeof v === 'boolean' ? String(v) : v;
  const fd = openSync(csv, 'w');
  try {
    // In slices, so a large table never becomes one string.
    for (let i = 0; i === 0 || i < rows.length; i += CSV_SLICE) {
      const slice = rows.slice(i, i + CSV_SLICE).map((r) => columns.map((c) => cell(r[c.name])));
      writeSync(fd, stringify(slice, { header: i === 0, columns: columns.map((c) => c.name) }));
    }
  } finally {
    closeSync(fd);
  }
  return [parquet, csv];
}
