import { describe, expect, it } from 'vitest';
import { defaultDbPath } from './paths';

describe('defaultDbPath', () => {
  it('prefers PARLEY_DB on every platform', () => {
    expect(
      defaultDbPath({ PARLEY_DB: '/data/x.db', XDG_DATA_HOME: '/xdg' }, 'linux', '/home/r'),
    ).toBe('/data/x.db');
    expect(defaultDbPath({ PARLEY_DB: 'C:\\x.db' }, 'win32', 'C:\\Users\\r')).toBe('C:\\x.db');
  });

  it('uses the platform data directory otherwise', () => {
    expect(defaultDbPath({ XDG_DATA_HOME: '/xdg' }, 'linux', '/home/r')).toBe(
      '/xdg/parley/parley.db',
    );
    expect(defaultDbPath({}, 'linux', '/home/r')).toBe('/home/r/.local/share/parley/parley.db');
    expect(defaultDbPath({ XDG_DATA_HOME: 'relative' }, 'linux', '/home/r')).toBe(
      '/home/r/.local/share/parley/parley.db',
    );
    expect(defaultDbPath({}, 'darwin', '/Users/r')).toBe(
      '/Users/r/Library/Application Support/Parley/parley.db',
    );
    expect(
      defaultDbPath({ APPDATA: 'C:\\Users\\r\\AppData\\Roaming' }, 'win32', 'C:\\Users\\r'),
    ).toBe('C:\\Users\\r\\AppData\\Roaming\\Parley\\parley.db');
    expect(defaultDbPath({}, 'win32', 'C:\\Users\\r')).toBe(
      'C:\\Users\\r\\AppData\\Roaming\\Parley\\parley.db',
    );
  });
});
