export * from './password-policy.util';
export * from './login-backoff.util';
