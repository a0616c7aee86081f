// Runs against the real OS keychain (keytar -> libsecret -> gnome-keyring over D-Bus) only when
// PARLEY_KEYCHAIN_TEST=1, inside a secret service:
//   PARLEY_KEYCHAIN_TEST=1 bash tests/with-keyring.sh npx vitest run --config src-main/keys/vitest.keychain.config.ts
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startMockLlm } from '../mock-llm/server';
import { KeyStore } from './key-store';

const isEnabled = process.env.PARLEY_KEYCHAIN_TEST === '1';
const BIN = join(resolve(import.meta.dirname, '..', '..'), 'bin', 'parley.js');

/** `parley ...args` with `input` on stdin; the child shares this process's D-Bus session. */
function parley(
  args: string[],
  input = '',
): Promise<{ status: number | null; out: string; err: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, XAI_API_KEY: '', NO_COLOR: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', fail);
    child.on('close', (status) => {
      clearTimeout(timer);
      done({ status, out, err });
    });
    child.stdin.end(input);
  });
}

describe.skipIf(!isEnabled)(
  'OS keychain via keytar (skipped: set PARLEY_KEYCHAIN_TEST=1 inside dbus-run-session with gnome-keyring unlocked)',
  () => {
    it('sets, gets, reports and clears a key in the real secret service', async () => {
      const store = new KeyStore({ env: {} });
      expect(await store.isKeychainAvailable()).toEqual({ isAvailable: true });
      await store.clear('xai');
      expect(await store.status('xai')).toBe('missing');
      await store.set('xai', 'xai-keychain-test-0123456789');
      expect(await store.get('xai')).toEqual({
        key: 'xai-keychain-test-0123456789',
        source: 'keychain',
      });
      expect(await store.status('xai')).toBe('set');
      expect(await store.clear('xai')).toBe(true);
      expect(await store.get('xai')).toBeNull();
    });

    it('parley keys set | test | clear through the CLI, never printing the key', async () => {
      const KEY = 'xai-CLIKEYCHAIN-5a4b3c2d1e0f9876';
      const mock = await startMockLlm({ apiKey: KEY });
      try {
        const set = await parley(['keys', 'set', 'xai'], `${KEY}\n`);
        expect(set).toMatchObject({ status: 0, err: '' });
        expect(set.out).toBe(
          'Stored the xai key in the OS keychain (service "parley"). Check it with: parley keys test xai\n',
        );
        expect(await new KeyStore({ env: {} }).get('xai')).toEqual({
          key: KEY,
          source: 'keychain',
        });
        const works = await parley(['keys', 'test', 'xai', '--base-url', mock.openaiBaseUrl]);
        expect(works.status).toBe(0);
        expect(works.out).toMatch(
          /^xai: the key from the OS keychain works \(test request answered in \d+ ms\)\n$/,
        );
        const cleared = await parley(['keys', 'clear', 'xai']);
        expect(cleared.out).toBe('Removed the xai key from the OS keychain.\n');
        const missing = await parley(['keys', 'test', 'xai', '--base-url', mock.openaiBaseUrl]);
        expect(missing.status).toBe(1);
        expect(missing.err).toBe(
          'parley: xai: no key: run `parley keys set xai` or set XAI_API_KEY\n',
        );
        for (const text of [set, works, cleared, missing].flatMap((r) => [r.out, r.err]))
          expect(text).not.toContain('CLIKEYCHAIN');
      } finally {
        await mock.close();
      }
    });
  },
);
