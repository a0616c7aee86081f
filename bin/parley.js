#!/usr/bin/env node
// Entry point of the `parley` CLI: runs the TypeScript sources under plain Node through tsx,
// so the CLI, `parley serve` and the tests need no build step and no Electron binary.
import { register } from 'tsx/esm/api';

register();
await import('../src-main/cli/main.ts');
