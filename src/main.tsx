import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SESSION_KEY, createLabStore, loadCli, savedLineCount } from './store';
import { App } from './ui/App';
import { StoreProvider } from './ui/StoreContext';
import './ui/styles.css';

function savedLines(): number {
  try {
    return savedLineCount(localStorage.getItem(SESSION_KEY));
  } catch {
    return 0; // storage disabled: nothing saved
  }
}

function mount(): void {
  // One store for the page: it restores the saved session (by replaying its lines) before the first render.
  const store = createLabStore();
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
if (savedLines() > 0) void loadCli().then(mount, mount);
else mount();
