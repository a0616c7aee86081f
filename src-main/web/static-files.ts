// Serves the built renderer (out/renderer) read-only. A path that tries to leave its folder
// (`..`, encoded or not, backslashes, NUL) is refused outright rather than looked up.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

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
  | { kind: 'file'; path: string; body: Buffer; type: string; isIndex: boolean }
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
      path: file,
      body: await readFile(file),
      type: TYPES[extname(file)] ?? 'application/octet-stream',
      isIndex: relative === 'index.html',
    };
  } catch {
    return { kind: 'missing' };
  }
}

/** Text types worth compressing (fonts and images are compressed already). */
const COMPRESSIBLE = /^(text\/|application\/json|image\/svg\+xml)/;
/** Below this a compressed body saves less than its headers cost. */
const MIN_COMPRESS_BYTES = 1024;
/** Quality 9 compresses the chart chunk (~570 kB) in about 0.1 s, once per process. */
const BROTLI_QUALITY = 9;

const encoded = new Map<string, Buffer>();

/**
 * The body to send for `accept` (the request's Accept-Encoding): brotli, then gzip, else as is.
 * Encoded bodies are kept per file and content, so each is compressed once per process.
 */
export function encodeBody(
  file: { path: string; body: Buffer; type: string },
  accept: string | undefined,
): { body: Buffer; encoding: 'br' | 'gzip' | null } {
  if (!COMPRESSIBLE.test(file.type) || file.body.length < MIN_COMPRESS_BYTES) {
    return { body: file.body, encoding: null };
  }
  const accepted = new Set(
    (accept ?? '')
      .split(',')
      .map((part) => part.split(';'))
      .filter(([, q]) => q === undefined || !/^\s*q=0(\.0*)?\s*$/.test(q))
      .map(([name]) => name.trim().toLowerCase()),
  );
  const encoding = accepted.has('br') ? 'br' : accepted.has('gzip') ? 'gzip' : null;
  if (!encoding) return { body: file.body, encoding: null };
  const key = `${encoding}:${file.path}:${file.body.length}`;
  let body = encoded.get(key);
  if (!body) {
    body =
      encoding === 'br'
        ? brotliCompressSync(file.body, {
            params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY },
          })
        : gzipSync(file.body, { level: 9 });
    encoded.set(key, body);
  }
  return { body, encoding };
}
