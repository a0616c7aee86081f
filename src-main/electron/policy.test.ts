import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  DESKTOP_CSP,
  devContentSecurityPolicy,
  isAppUrl,
  isExternalUrlAllowed,
  RESPONSE_HEADERS,
  safeFileName,
  WEB_PREFERENCES,
} from './policy';

/** 'a b; c d' -> { a: ['b'], c: ['d'] } */
function directives(csp: string): Record<string, string[]> {
  return Object.fromEntries(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );
}

describe('desktop window policy', () => {
  it('isolates and sandboxes the page with no Node integration, webviews or insecure content', () => {
    expect(WEB_PREFERENCES).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    });
  });

  it('has a strict CSP: own origin only, no inline script, no eval, no network, no framing', () => {
    expect(directives(DESKTOP_CSP)).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'font-src': ["'self'"],
      'connect-src': ["'self'"],
      'worker-src': ["'self'"],
      'object-src': ["'none'"],
      'frame-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
      'frame-ancestors': ["'none'"],
    });
    expect(RESPONSE_HEADERS).toEqual({
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
    });
  });

  it('relaxes the CSP only for the dev server (inline preamble, HMR socket)', () => {
    const dev = directives(devContentSecurityPolicy('http://localhost:5173/'));
    expect(dev['script-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(dev['connect-src']).toEqual(["'self'", 'ws://localhost:5173']);
    expect(dev['object-src']).toEqual(["'none'"]);
    expect(DESKTOP_CSP).not.toContain('unsafe');
  });

  it('hands only http(s) links to the system browser', () => {
    const urls = [
      'https://example.org/paper',
      'http://arxiv.org/abs/1',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'parley://app/index.html',
      'smb://host/share',
      'mailto:a@b.c',
      'https://',
      'not a url',
      'data:text/html,hi',
    ];
    expect(urls.map(isExternalUrlAllowed)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('treats only parley://app (and the dev server in dev) as the app', () => {
    expect(isAppUrl(`${APP_ORIGIN}/index.html#/runs`)).toBe(true);
    expect(isAppUrl('parley://evil/index.html')).toBe(false);
    expect(isAppUrl('https://example.org/')).toBe(false);
    expect(isAppUrl('http://localhost:5173/#/design')).toBe(false);
    expect(isAppUrl('http://localhost:5173/#/design', 'http://localhost:5173/')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
  });

  it('reduces a suggested export name to a plain file name', () => {
    expect(
      [
        'results.csv',
        '../../etc/passwd',
        'C:\\Windows\\evil.json',
        'a<b>:c?.svg',
        '...',
        '',
        '.hidden.json',
        'sweep\u0000.json',
      ].map(safeFileName),
    ).toEqual([
      'results.csv',
      'passwd',
      'evil.json',
      'a_b__c_.svg',
      'parley-export.txt',
      'parley-export.txt',
      'hidden.json',
      'sweep_.json',
    ]);
  });
});
