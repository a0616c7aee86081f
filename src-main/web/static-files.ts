// Serves the built renderer (out/renderer) read-only. A path that tries to leave its folder
// (`..`, encoded or not, backslashes, NUL) is refused outright rather than looked up.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export type StaticResult =
  | { kind: 'file'; body: Buffer; type: string; isIndex: boolean }
  | { kind: 'missing' }
  | { kind: 'refused' };

/** The file for a URL path under `root` (absolute). */
export async function loadStatic(root: string, urlPath: string): Promise<StaticResult> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'refused' };
  }
  if (decoded.includes('\0') || decoded.split(/[/\\]/).includes('..')) return { kind: 'refused' };
  const relative = decoded === '/' ? 'index.html' : normalize(decoded).replace(/^([/\\])+/, '');
  const file = join(root, relative);
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) return { kind: 'refused' };
  try {
    if (!(await stat(file)).isFile()) return { kind: 'missing' };
    return {
      kind: 'file',
      body: await readFile(file),
      type: TYPES[extname(file)] ?? 'application/octet-stream',
      isIndex: relative === 'index.html',
    };
  } catch {
    return { kind: 'missing' };
  }
}
