// One side of a comparison: a sweep, optionally one seat order and one focal participant.
import { useEffect } from 'react';
import type { CompareSide } from '../../../src-shared/contract';
import { ORDERS } from '../../../src-shared/planned-game';
import type { Order } from '../../../src-shared/planned-game';
import { useApp } from '../../state/hooks';

const ORDER_LABELS: Record<Order, string> = {
  weak_first: 'weak first',
  strong_first: 'strong first',
  random: 'random',
};

export function SidePicker({
  name,
  side,
  onChange,
}: {
  name: 'A' | 'B';
  side: CompareSide;
  onChange: (side: CompareSide) => void;
}) {
  const sweeps = useApp((s) => s.sweeps);
  const focals = useApp((s) => s.focalOptions[side.sweepId]);
  const loadFocalOptions = useApp((s) => s.loadFocalOptions);
  useEffect(() => {
    void loadFocalOptions(side.sweepId);
  }, [loadFocalOptions, side.sweepId]);
  const list = sweeps.state === 'ready' ? sweeps.value : [];
  const id = `side-${name.toLowerCase()}`;
  return (
    <fieldset className="compare-side" data-testid={id}>
      <legend>{name}</legend>
      <label>
        Sweep
        <select
          data-testid={`${id}-sweep`}
          value={side.sweepId}
          onChange={(e) => onChange({ sweepId: e.target.value })}
        >
          {list.map((s) => (
            <option key={s.id} value={s.id} title={`${s.progress.counts.finished} finished games`}>
              {s.name} · {s.progress.counts.finished}
            </option>
          ))}
        </select>
      </label>
      <label>
        Order
        <select
          data-testid={`${id}-order`}
          value={side.order ?? ''}
          onChange={(e) => {
            const { order: _order, ...rest } = side;
            onChange(e.target.value ? { ...rest, order: e.target.value as Order } : rest);
          }}
        >
          <option value="">all orders</option>
          {ORDERS.map((o) => (
            <option key={o} value={o}>
              {ORDER_LABELS[o]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Focal
        <select
          data-testid={`${id}-focal`}
          value={side.focalId ?? ''}
          onChange={(e) => {
            const { focalId: _focal, ...rest } = side;
            onChange(e.target.value ? { ...rest, focalId: e.target.value } : rest);
          }}
        >
          <option value="">every focal</option>
          {(focals ?? []).map((f) => (
            <option key={f.focalId} value={f.focalId}>
              {f.label}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
