import { loginBackoffSeconds } from './login-backoff.util';

describe('loginBackoffSeconds', () => {
  const policy = { freeFailures: 5, baseSeconds: 30, maxSeconds: 900 };

  it.each([
    [0, 0],
    [4, 0],
    [5, 30],
    [6, 60],
    [7, 120],
    [9, 480],
    [10, 900],
    [1000, 900],
  ])('after %i failures waits %i s', (failures, seconds) => {
    expect(loginBackoffSeconds(failures, policy)).toBe(seconds);
  });
});
