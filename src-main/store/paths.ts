// Where Parley keeps its database when neither --db nor PARLEY_DB says otherwise.
import { homedir } from 'node:os';
import path from 'node:path';

/** PARLEY_DB wins; otherwise the platform's per-user data directory. */
export function defaultDbPath(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.PARLEY_DB) return env.PARLEY_DB;
  if (platform === 'win32') {
    const appData = env.APPDATA || path.win32.join(home, 'AppData', 'Roaming');
    return path.win32.join(appData, 'Parley', 'parley.db');
  }
  if (platform === 'darwin') {
    return path.posix.join(home, 'Library', 'Application Support', 'Parley', 'parley.db');
  }
  // XDG: a relative XDG_DATA_HOME is invalid and must be ignored.
  const xdg = env.XDG_DATA_HOME;
  const dataHome =
    xdg && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(home, '.local', 'share');
  return path.posix.join(dataHome, 'parley', 'parley.db');
}

/**
 * Where Parley keeps settings that must not live in the database (which is shared, exported and
 * merged), e.g. the hosts a provider's key may go to: PARLEY_CONFIG_DIR, else the platform's
 * per-user config directory.
 */
export function configDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.PARLEY_CONFIG_DIR) return env.PARLEY_CONFIG_DIR;
  if (platform === 'win32') {
    const appData = env.APPDATA || path.win32.join(home, 'AppData', 'Roaming');
    return path.win32.join(appData, 'Parley');
  }
  if (platform === 'darwin')
    return path.posix.join(home, 'Library', 'Application Support', 'Parley');
  const xdg = env.XDG_CONFIG_HOME;
  const configHome = xdg && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(home, '.config');
  return path.posix.join(configHome, 'parley');
}
