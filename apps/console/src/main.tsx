import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { QuickLogin } from './login/QuickLogin';
import { renewSession } from './providers/renewal';

const container = document.getElementById('root');
if (!container) {
  throw new Error('index.html has no #root element');
}
const root = createRoot(container);

/**
 * The console itself, fetched on demand: a first visit signs in on the quick login while it loads. Its
 * first render is a transition, so React yields to the browser every few milliseconds instead of
 * mounting the whole console in one long task.
 */
async function startConsole(): Promise<void> {
  const { App } = await import('./App');
  if (window.location.hash.startsWith('#/login')) window.location.hash = '#/';
  startTransition(() => {
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
}

// The console's script, fetched while the person types their name (not before: on a phone that
// would compete with the login form for the network and the CPU).
let loading: Promise<unknown> | null = null;
const warm = () => (loading ??= import('./App'));

// Signed in already (a reload, a new tab: the refresh cookie answers)? Straight to the console.
// Otherwise the quick login first.
void renewSession().then((session) => {
  if (session) {
    void startConsole();
    return;
  }
  root.render(
    <StrictMode>
      <QuickLogin onTyping={() => void warm()} onSignedIn={() => void warm().then(startConsole)} />
    </StrictMode>,
  );
});
