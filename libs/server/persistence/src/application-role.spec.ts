import { applicationLoginOf } from './application-role';

describe('applicationLoginOf', () => {
  it('reads the role and the password of APP_DATABASE_URL, percent-decoded', () => {
    expect(applicationLoginOf('postgres://fleet_app:a%2Fb%40c%3Ad@postgres:5432/fleet')).toEqual({
      role: 'fleet_app',
      password: 'a/b@c:d',
    });
    expect(applicationLoginOf('postgresql://fleet%20app@127.0.0.1/fleet')).toEqual({
      role: 'fleet app',
      password: null,
    });
  });

  it('refuses a URL without a role', () => {
    expect(() => applicationLoginOf('postgres://127.0.0.1/fleet')).toThrow(/must name the application role/);
  });
});
