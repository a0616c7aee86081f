// React access to the app store and the platform (transport, file saving).
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { Platform } from '../api/platform';
import type { AppStore } from './app-store';
import type { AppState } from './types';

export const StoreContext = createContext<AppStore | null>(null);
export const PlatformContext = createContext<Platform | null>(null);

export function useAppStore(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useApp outside <StoreContext.Provider>');
  return store;
}

/** Selects from the app store; re-renders when the selected value changes. */
export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStore(), selector);
}

export function usePlatform(): Platform {
  const platform = useContext(PlatformContext);
  if (!platform) throw new Error('usePlatform outside <PlatformContext.Provider>');
  return platform;
}
