import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeBody } from './static-files';

const js = {
  path: '/ui/assets/app.js',
  type: 'text/javascript; charset=utf-8',
  body: Buffer.from('export const x = 1;\n'.repeat(500)),
};

describe('compressed static files', () => {
  it('sends brotli when the browser accepts it, gzip otherwise, each decoding to the file', () => {
    const br = encodeBody(js, 'gzip, deflate, br, zstd');
    expect(br.encoding).toBe('br');
    expect(brotliDecompressSync(br.body).equals(js.body)).toBe(true);
    expect(br.body.length).toBeLessThan(js.body.length / 10);
    const gz = encodeBody(js, 'gzip;q=1.0, identity');
    expect(gz.encoding).toBe('gzip');
    expect(gunzipSync(gz.body).equals(js.body)).toBe(true);
  });

  it('compresses each file once per process', () => {
    expect(encodeBody(js, 'br').body).toBe(encodeBody(js, 'br').body);
  });

  it('sends the file as it is when nothing fits', () => {
    expect(encodeBody(js, undefined)).toEqual({ body: js.body, encoding: null });
    expect(encodeBody(js, 'br;q=0, gzip;q=0')).toEqual({ body: js.body, encoding: null });
    const png = { ...js, path: '/ui/icon.png', type: 'image/png' };
    expect(encodeBody(png, 'br')).toEqual({ body: js.body, encoding: null });
    const tiny = { ...js, body: Buffer.from('x') };
    expect(encodeBody(tiny, 'br')).toEqual({ body: tiny.body, encoding: null });
  });
});
