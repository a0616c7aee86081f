import type { Route } from '../lib/route';
import { formatHash, parseHash } from '../lib/route';
import type { Slice } from './types';

export interface RouteSlice {
  route: Route;
  /** Goes to a route and writes it to the address bar (so it survives reload). */
  navigate(route: Route): void;
  /** Follows the address bar (hashchange, back/forward). */
  syncFromHash(hash: string): void;
}

export const routeSlice: Slice<RouteSlice> = (set, get, { writeHash }) => ({
  route: { screen: 'runs' },
  navigate(route) {
    const hash = formatHash(route);
    set({ route: parseHash(hash) });
    writeHash(hash);
  },
  syncFromHash(hash) {
    const route = parseHash(hash);
    if (formatHash(route) !== formatHash(get().route)) set({ route });
  },
});
