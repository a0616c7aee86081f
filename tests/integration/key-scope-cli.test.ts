// `parley run` with keys from the environment and a sweep whose baseUrl is not the providers'
// own host: the games pause and the message says how to allow the host; after
// `parley keys set <provider> --allow-host HOST` the same command runs them. The server (a
// proxy in front of the mock, in this process) sees no key until then.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startMockLlm, type MockLlm } from '../../src-main/mock-llm/server';
import { tempDir } from './cli-helpers';
import { startFaultProxy, type FaultProxy } from './fault-proxy';
import { ANTHROPIC_KEY, OPENAI_KEY, llmSweep, runCliAsync } from './llm-helpers';

const tmp = tempDir('parley-key-scope-cli-');
let mock: MockLlm | undefined;
let proxy: FaultProxy | undefined;
afterAll(async () => {
  await proxy?.close();
  await mock?.close();
  tmp.cleanup();
});

describe('parley keys set --allow-host', () => {
  it('games pause until the host is allowed; then the same command runs them', async () => {
    mock = await startMockLlm();
    proxy = await startFaultProxy({ upstream: mock.url });
    const host = `127.0.0.1:${proxy.port}`;
    const file = join(tmp.dir, 'sweep.json');
    writeFileSync(
      file,
      JSON.stringify(
        llmSweep(proxy.url, { runs: { count: 1, baseSeed: 2 }, competition: { levels: [0.5] } }),
      ),
    );
    const config = join(tmp.dir, 'config');
    const env = {
      ANTHROPIC_API_KEY: ANTHROPIC_KEY,
      OPENAI_API_KEY: OPENAI_KEY,
      PARLEY_CONFIG_DIR: config,
      // No secret service in this child: keys come from the environment.
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent',
    };
    const db = join(tmp.dir, 'parley.db');

    const blocked = await runCliAsync(['run', file, '--db', db], env);
    expect(blocked.status).toBe(1);
    expect(blocked.stderr).toContain(
      `(paused): auth: the anthropic key was not sent to ${host} (baseUrl of model mock-claude): ` +
        `a stored key goes only to api.anthropic.com unless you allow another: ` +
        `run \`parley keys set anthropic --allow-host ${host}\` if you trust that host with the key, then resume`,
    );
    expect(blocked.stderr).toContain('Run the same command again to resume the 2 games paused.');
    expect(proxy.keysSeen.size).toBe(0);
    expect(proxy.stats.byRoute).toEqual({});

    for (const provider of ['anthropic', 'openai']) {
      const allow = await runCliAsync(['keys', 'set', provider, '--allow-host', host], env);
      expect(allow.stderr).toBe('');
      expect(allow.stdout).toBe(
        `The ${provider} key may now go to ${host} besides api.${provider}.com ` +
          `(kept in ${join(config, 'allowed-hosts.json')}, not in any database).\n`,
      );
      expect(allow.status).toBe(0);
    }
    expect(JSON.parse(readFileSync(join(config, 'allowed-hosts.json'), 'utf8'))).toEqual({
      anthropic: [host],
      openai: [host],
    });

    const allowed = await runCliAsync(['run', file, '--db', db], env);
    expect(allowed.stderr).toContain('2/2 finished, 0 running, 0 queued, 0 paused, 0 failed');
    expect(allowed.status).toBe(0);
    expect(proxy.keysSeen).toEqual(new Set([ANTHROPIC_KEY, OPENAI_KEY]));

    const bad = await runCliAsync(['keys', 'set', 'openai', '--allow-host', 'a b'], env);
    expect(bad.stderr).toBe(
      'parley: --allow-host: "a b" is not a host name (e.g. gateway.example.com or 127.0.0.1:8080); nothing was stored\n',
    );
    expect(bad.status).toBe(2);
  });
});
