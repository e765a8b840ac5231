import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PREFS_KEY, SESSION_KEY, SHARE_PREFIX, browserLang, browserStorage, createLabStore, loadCli, openSharedLink, parsePrefs, readKey, savedLineCount, type KV, type ShareOutcome } from './store';
import { App } from './ui/App';
import { StoreProvider } from './ui/StoreContext';
import './ui/styles.css';

const storage = browserStorage();
const read = (key: string) => readKey(storage, key);

/**
 * A link made by Share (`#lab=…`) is opened before the store exists: the shared session is
 * written where the saved one lives, so the normal restore replays it. The fragment is removed
 * either way, so a reload does not ask again.
 */
function openShared(): ShareOutcome & { session?: string } {
  if (!location.hash.startsWith(SHARE_PREFIX)) return { kind: 'none' };
  let outcome: ShareOutcome & { session?: string };
  try {
    const lang = parsePrefs(read(PREFS_KEY), { theme: 'light', lang: browserLang() }).lang;
    outcome = openSharedLink(location.hash, storage, (q) => window.confirm(q), lang);
  } catch {
    outcome = { kind: 'invalid' };
  }
  try {
    history.replaceState(history.state, '', location.pathname + location.search);
  } catch {
    // an opaque origin may refuse: the link is only asked about again on reload
  }
  return outcome;
}

const shared = openShared();

/** When the browser would not keep the shared session, the store reads it from memory. */
function storageFor(session: string | undefined): KV | undefined {
  if (session === undefined || read(SESSION_KEY) === session) return undefined;
  let kept = session;
  return {
    getItem: (k) => (k === SESSION_KEY ? kept : read(k)),
    setItem: (k, v) => {
      if (k === SESSION_KEY) kept = v;
      try {
        storage?.setItem(k, v);
      } catch {
        // full or refused: kept in memory for this page
      }
    },
  };
}

function mount(): void {
  // One store for the page: it restores the saved session (by replaying its lines) before the first render.
  const store = createLabStore({ storage: storageFor(shared.kind === 'opened' ? shared.session : undefined) });
  const notice = store.getState().notice;
  if (shared.kind === 'invalid') store.getState().notify('share-invalid');
  // A replay that failed keeps its own notice.
  if (shared.kind === 'opened' && (!notice || notice.key === 'session-restored')) store.getState().notify('share-opened', String(shared.lines));
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </StrictMode>,
  );
}

// A fresh visit draws at once and fetches the command line when the student starts typing; a
// saved session needs it to replay, so then it comes first (a failed fetch still mounts the page).
const lines = shared.kind === 'opened' ? shared.lines : savedLineCount(read(SESSION_KEY));
if (lines > 0) void loadCli().then(mount, mount);
else mount();
