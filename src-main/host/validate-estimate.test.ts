// sweeps:validate carries the cost estimate `parley run --estimate` prints, computed from the
// same expanded games (real system prompts), so the designer shows one estimate, not a guess.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ValidateResult } from '../../src-shared/contract';
import { estimateSweep } from '../providers/estimate';
import { openStore } from '../store/store';
import { demoSweep } from '../sweeps/demo';
import { SweepService, validateSweepDoc } from '../sweeps/service';
import { createHost } from './host';

const dir = mkdtempSync(join(tmpdir(), 'parley-validate-'));
const store = openStore(join(dir, 'parley.db'));
const host = createHost({ store, service: new SweepService(store) });
afterAll(() => {
  host.dispose();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const validate = (doc: unknown) =>
  host.handle('sweeps:validate', { doc }) as Promise<ValidateResult>;

describe('sweeps:validate estimate', () => {
  it("is parley run --estimate's figure for an LLM sweep", async () => {
    const doc: unknown = JSON.parse(
      readFileSync(
        new URL('../../resources/examples/mock-llm-dry-run.json', import.meta.url),
        'utf8',
      ),
    );
    const r = await validate(doc);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const v = validateSweepDoc(doc);
    if (!v.ok) throw new Error('the example does not validate');
    const cli = estimateSweep(v.expanded.games);
    expect(cli.calls).toBeGreaterThan(0);
    expect(r.estimate).toEqual({
      llmGames: r.games,
      calls: cli.calls,
      promptTokens: cli.promptTokens,
      outputTokens: cli.outputTokens,
      costNoCacheUsd: cli.costNoCacheUsd,
      costCachedUsd: cli.costCachedUsd,
      replyTokens: 120,
    });
  });

  it('is zero calls and zero cost for strategy agents', async () => {
    const r = await validate(demoSweep());
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.estimate).toEqual({
      llmGames: 0,
      calls: 0,
      promptTokens: 0,
      outputTokens: 0,
      costNoCacheUsd: 0,
      costCachedUsd: 0,
      replyTokens: 120,
    });
  });
});
