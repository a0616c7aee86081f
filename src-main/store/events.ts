// The append-only event log that the UI and CLI tail by id.
import type { DbEvent } from './rows';
import type { Sql } from './sql';
import type { EventRow, Store } from './types';
import { now } from './sql';

type EventMethods = Pick<Store, 'appendEvent' | 'eventsSince'>;

const toEvent = (r: DbEvent): EventRow => ({
  id: r.id,
  ts: r.ts,
  kind: r.kind,
  sweepId: r.sweep_id,
  gameId: r.game_id,
  payload: JSON.parse(r.payload_json) as unknown,
});

export function eventMethods({ stmt }: Sql): EventMethods {
  return {
    appendEvent(kind, payload, refs = {}) {
      const { lastInsertRowid } = stmt(
        'INSERT INTO events (ts, kind, sweep_id, game_id, payload_json) VALUES (?, ?, ?, ?, ?)',
      ).run(
        now(),
        kind,
        refs.sweepId ?? null,
        refs.gameId ?? null,
        JSON.stringify(payload ?? null),
      );
      return Number(lastInsertRowid);
    },
    eventsSince(id, limit = 1000) {
      const rows = stmt('SELECT * FROM events WHERE id > ? ORDER BY id LIMIT ?').all(id, limit);
      return (rows as DbEvent[]).map(toEvent);
    },
  };
}
