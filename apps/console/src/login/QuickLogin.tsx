import type { LoginResponse } from '@fleet/shared/contracts';
import { useState, type FormEvent } from 'react';

import { enMessages } from '../i18n/en';
import { zhMessages } from '../i18n/zh';
import { saveSession } from '../providers/session';
import { storedLocale } from './storedLocale';

const HTTP_TOO_MANY = 429;

/**
 * The sign-in form a first visit sees: plain React and the page's own CSS (index.html), without
 * react-admin and MUI, so a phone on 4G can sign in before the console's ~900 KB of script has been
 * fetched and run. It signs in as the console's authProvider does (same API call, same session), then
 * hands over to the console. After a logout the console shows its own login page.
 */
export const QuickLogin = ({ onTyping, onSignedIn }: { onTyping: () => void; onSignedIn: () => void }) => {
  const locale = storedLocale();
  const messages = (locale === 'en' ? enMessages : zhMessages).fleet;
  const text = messages.auth;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const response = await fetch('/api/auth/login', {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          'Accept-Language': locale,
        },
        body: JSON.stringify({ username, password }),
      });
      const body = (await response.json().catch(() => null)) as { message?: string } | LoginResponse | null;
      if (!response.ok) {
        const message = body && 'message' in body && typeof body.message === 'string' ? body.message : null;
        setError(message ?? (response.status === HTTP_TOO_MANY ? text.locked : text.sign_in_error));
        setPending(false);
        return;
      }
      saveSession(body as LoginResponse, Date.now());
      onSignedIn();
    } catch {
      setError(text.unreachable);
      setPending(false);
    }
  };

  return (
    <main className="boot">
      <form className="boot-card login" onSubmit={(event) => void submit(event)}>
        <h1>{messages.title}</h1>
        <label>
          <span>
            {text.username}
            <span aria-hidden="true"> *</span>
          </span>
          <input
            name="username"
            autoComplete="username"
            required
            autoFocus
            value={username}
            onChange={(event) => {
              onTyping();
              setUsername(event.target.value);
            }}
          />
        </label>
        <label>
          <span>
            {text.password}
            <span aria-hidden="true"> *</span>
          </span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => {
              onTyping();
              setPassword(event.target.value);
            }}
          />
        </label>
        {error && (
          <p className="login-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={pending}>
          {text.sign_in}
        </button>
      </form>
    </main>
  );
};
