// Start-up: pick the transport (Electron IPC or WebSocket), build the store, follow the hash.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { createPlatform } from './api/platform';
import { connectEvents, createAppStore } from './state/app-store';
import { PlatformContext, StoreContext } from './state/hooks';
import './styles.css';

const platform = createPlatform(window);
const store = createAppStore({
  api: platform.api,
  writeHash: (hash, replace) => {
    if (window.location.hash === hash) return;
    if (replace) window.history.replaceState(window.history.state, '', hash);
    else window.location.hash = hash;
  },
});
connectEvents(platform.api, store);
store.getState().syncFromHash(window.location.hash);
window.addEventListener('hashchange', () => store.getState().syncFromHash(window.location.hash));

let wasOpen = false;
platform.onConnection((state) => {
  store.getState().setConnection(state);
  if (state === 'open') {
    // First connection, or back after a drop: events may have been missed, so reload.
    void store.getState().loadInfo();
    void store.getState().loadSweeps();
    wasOpen = true;
  } else if (wasOpen && state === 'closed') {
    store.getState().notify('error', 'Lost the connection to Parley; reconnecting…');
  }
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <PlatformContext.Provider value={platform}>
      <StoreContext.Provider value={store}>
        <App />
      </StoreContext.Provider>
    </PlatformContext.Provider>
  </StrictMode>,
);
