// The checks `parley serve` applies to every request: the loopback Host, the exact Origin, and
// the random token (query parameter on the first load, then an HttpOnly cookie).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** 32 random bytes as hex, like Jupyter's token. */
export function newToken(): string {
  return randomBytes(32).toString('hex');
}

/** Cookies are not port-scoped, so the name carries the port: two servers never collide. */
export function cookieName(port: number): string {
  return `parley_token_${port}`;
}

export interface CspOptions {
  scriptSrc?: string[];
  styleSrc?: string[];
}

/**
 * The one CSP of every Parley page (served and desktop): own-origin scripts and styles only, no
 * eval, no plugins, no framing, no form posts; `connectSrc` names what the page may talk to.
 */
export function contentSecurityPolicy(connectSrc: string[], opts: CspOptions = {}): string {
  return [
    "default-src 'self'",
    `script-src ${(opts.scriptSrc ?? ["'self'"]).join(' ')}`,
    `style-src ${(opts.styleSrc ?? ["'self'"]).join(' ')}`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connectSrc.join(' ')}`,
    "worker-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The served page may talk only to its own WebSocket. */
export function servedContentSecurityPolicy(port: number): string {
  return contentSecurityPolicy(["'self'", `ws://127.0.0.1:${port}`]);
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieValue(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name)
      return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

export interface Gate {
  origin: string;
  token: string;
  port: number;
}

/** Why a request is refused, or null if it may pass. `viaQuery` says the URL carried the token. */
export function checkRequest(
  req: IncomingMessage,
  gate: Gate,
): { refusal: string | null; viaQuery: boolean } {
  const host = req.headers.host;
  if (host !== `127.0.0.1:${gate.port}`)
    return { refusal: `unexpected Host header "${host ?? ''}"`, viaQuery: false };
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== gate.origin)
    return { refusal: `foreign origin "${origin}"`, viaQuery: false };
  const url = new URL(req.url ?? '/', gate.origin);
  const queryToken = url.searchParams.get('token');
  if (queryToken !== null && sameSecret(queryToken, gate.token))
    return { refusal: null, viaQuery: true };
  const cookie = cookieValue(req, cookieName(gate.port));
  if (cookie !== null && sameSecret(cookie, gate.token)) return { refusal: null, viaQuery: false };
  return {
    refusal:
      'missing or wrong token: open the URL that `parley serve` printed (it ends in ?token=...)',
    viaQuery: false,
  };
}

/** Upgrades must come from the served page itself: exact Origin plus the token. */
export function checkUpgrade(req: IncomingMessage, gate: Gate): string | null {
  if (req.headers.origin !== gate.origin)
    return `WebSocket origin "${req.headers.origin ?? '(none)'}" is not ${gate.origin}`;
  return checkRequest(req, gate).refusal;
}
