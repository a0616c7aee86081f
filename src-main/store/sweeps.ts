// Sweeps and the model list.
import type { DbModel, DbSweep } from './rows';
import type { Sql } from './sql';
import type { ModelRow, ModelSource, Store, SweepRow, SweepStatus } from './types';
import { StoreError } from './errors';
import { now } from './sql';

type SweepMethods = Pick<
  Store,
  'upsertSweep' | 'getSweep' | 'listSweeps' | 'setSweepStatus' | 'findSweep'
>;
type ModelMethods = Pick<Store, 'upsertModel' | 'listModels' | 'getModel'>;

const toSweep = (r: DbSweep): SweepRow => ({
  id: r.id,
  name: r.name,
  spec: JSON.parse(r.spec_json) as unknown,
  status: r.status as SweepStatus,
  createdAt: r.created_at,
});

const toModel = (r: DbModel): ModelRow => ({
  id: r.id,
  spec: JSON.parse(r.spec_json) as unknown,
  source: r.source as ModelSource,
  updatedAt: r.updated_at,
});

export function sweepMethods({ stmt }: Sql): SweepMethods {
  const getSweep = (id: string): SweepRow | null => {
    const row = stmt('SELECT * FROM sweeps WHERE id = ?').get(id) as DbSweep | undefined;
    return row ? toSweep(row) : null;
  };
  const unique = (rows: DbSweep[], what: string): SweepRow | null => {
    if (rows.length > 1) {
      const ids = rows.map((r) => `${r.id} (${r.name})`).join(', ');
      throw new StoreError(`"${what}" matches several sweeps: ${ids}. Give more of the id.`);
    }
    return rows.length === 1 ? toSweep(rows[0]) : null;
  };

  return {
    upsertSweep({ id, name, spec }) {
      stmt(
        `INSERT INTO sweeps (id, name, spec_json, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, spec_json = excluded.spec_json`,
      ).run(id, name, JSON.stringify(spec), now());
    },
    getSweep,
    listSweeps() {
      const rows = stmt('SELECT * FROM sweeps ORDER BY created_at, id').all() as DbSweep[];
      return rows.map(toSweep);
    },
    setSweepStatus(id, status) {
      const { changes } = stmt('UPDATE sweeps SET status = ? WHERE id = ?').run(status, id);
      if (changes === 0) throw new StoreError(`No sweep with id ${id}.`);
    },
    findSweep(idOrName) {
      const exact = getSweep(idOrName);
      if (exact) return exact;
      const named = stmt('SELECT * FROM sweeps WHERE name = ? ORDER BY created_at LIMIT 5').all(
        idOrName,
      ) as DbSweep[];
      if (named.length > 0) return unique(named, idOrName);
      if (idOrName === '') return null;
      const prefixed = stmt(
        'SELECT * FROM sweeps WHERE substr(id, 1, ?) = ? ORDER BY created_at LIMIT 5',
      ).all(idOrName.length, idOrName) as DbSweep[];
      return unique(prefixed, idOrName);
    },
  };
}

export function modelMethods({ stmt }: Sql): ModelMethods {
  return {
    upsertModel(id, spec, source) {
      stmt(
        `INSERT INTO models (id, spec_json, source, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET spec_json = excluded.spec_json,
           source = excluded.source, updated_at = excluded.updated_at`,
      ).run(id, JSON.stringify(spec), source, now());
    },
    listModels() {
      return (stmt('SELECT * FROM models ORDER BY id').all() as DbModel[]).map(toModel);
    },
    getModel(id) {
      const row = stmt('SELECT * FROM models WHERE id = ?').get(id) as DbModel | undefined;
      return row ? toModel(row) : null;
    },
  };
}
