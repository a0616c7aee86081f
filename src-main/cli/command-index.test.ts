import { readdirSync } from 'node:fs';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMAND_MODULES, moduleOf } from './command-index';

describe('command index', () => {
  it('lists every command module of src-main/cli', () => {
    const files = readdirSync(new URL('.', import.meta.url))
      .filter((f) => /-commands?\.ts$/.test(f))
      .sort();
    expect(COMMAND_MODULES.map((m) => m.file).sort()).toEqual(files);
  });

  it('names exactly the commands each module registers', async () => {
    for (const m of COMMAND_MODULES) {
      const program = new Command();
      (await m.load())(program);
      expect(program.commands.map((c) => c.name()).sort(), m.file).toEqual(
        Object.keys(m.commands).sort(),
      );
    }
  });

  it('finds the module of a command, and none for a typo', () => {
    expect(moduleOf('run')?.file).toBe('core-commands.ts');
    expect(moduleOf('mock-llm')?.file).toBe('llm-commands.ts');
    expect(moduleOf('rnu')).toBeUndefined();
    expect(moduleOf(undefined)).toBeUndefined();
  });
});
