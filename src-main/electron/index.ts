// Electron main entry: everything lives in src-main/electron (the only code that imports
// `electron`); the engine runs in a utility process built from src-main/electron/engine-process.ts.
import { startDesktopApp } from './app';

startDesktopApp();
