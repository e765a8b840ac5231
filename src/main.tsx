import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createLabStore } from './store';
import { App } from './ui/App';
import { StoreProvider } from './ui/StoreContext';
import './ui/styles.css';

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
