import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { sampleTurn } from './fixtures';
import { openStore } from './store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-crash-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs crash-child until it reports `target` committed turns, then SIGKILLs it; returns the last seq it reported. */
function runAndKill(file: string, target: number): Promise<number> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./crash-child.ts', import.meta.url)), file, 'g1'],
    { cwd: fileURLToPath(new URL('../../', import.meta.url)), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let lastSeq = -1;
    let buffered = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`child did not reach ${target} turns in time: ${stderr}`));
    }, 30_000);
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) lastSeq = Number(line);
      if (lastSeq + 1 >= target && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL' && lastSeq + 1 >= target) resolve(lastSeq);
      else reject(new Error(`child exited (${code ?? signal}) after seq ${lastSeq}: ${stderr}`));
    });
  });
}

it('keeps every turn whose appendTurn returned when the process is SIGKILLed', async () => {
  const file = join(dir, 'parley.db');
  const lastSeq = await runAndKill(file, 200);

  const store = openStore(file);
  try {
    const turns = store.getTurns('g1');
    // The child may have committed a few more after its last report; never fewer.
    expect(turns.length).toBeGreaterThanOrEqual(lastSeq + 1);
    expect(turns.slice(0, lastSeq + 1)).toEqual(
      Array.from({ length: lastSeq + 1 }, (_, i) =>
        sampleTurn({ round: i + 1, text: `turn ${i + 1}` }),
      ),
    );
    expect(store.getGame('g1')?.status).toBe('running');
    expect(store.recoverInterrupted()).toBe(1);
  } finally {
    store.close();
  }
});
