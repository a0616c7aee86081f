import type { Route } from '../lib/route';
import { formatHash, parseHash } from '../lib/route';
import type { Slice } from './types';

export interface RouteSlice {
  route: Route;
  /**
   * Goes to a route and writes it to the address bar (so it survives reload). `replace` rewrites
   * the current history entry instead of adding one: for a route completed automatically (e.g.
   * the results screen filling in the newest sweep), so Back leaves the screen.
   */
  navigate(route: Route, options?: { replace?: boolean }): void;
  /** Follows the address bar (hashchange, back/forward). */
  syncFromHash(hash: string): void;
}

export const routeSlice: Slice<RouteSlice> = (set, get, { writeHash }) => ({
  route: { screen: 'runs' },
  navigate(route, options) {
    const hash = formatHash(route);
    set({ route: parseHash(hash) });
    writeHash(hash, options?.replace ?? false);
  },
  syncFromHash(hash) {
    const route = parseHash(hash);
    if (formatHash(route) !== formatHash(get().route)) set({ route });
  },
});
