import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';

// For bench/web: when the app's code had loaded.
performance.mark('duban:app-start');

// A transition renders in slices and lets the browser breathe in between, so the answers the boot
// script is waiting for are handled (and its next requests sent) while the first render runs.
startTransition(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
