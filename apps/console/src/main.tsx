import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './App';

const container = document.getElementById('root');
if (!container) {
  throw new Error('index.html has no #root element');
}

// The first render as a transition: React yields to the browser every few milliseconds instead of
// mounting the whole console in one long task, so a phone stays responsive while it starts (Lighthouse's
// Total Blocking Time). Until it commits, index.html's static first paint stays on screen.
startTransition(() => {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
