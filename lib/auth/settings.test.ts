import { describe, expect, it } from 'vitest';
import { authSettings } from './settings';

const portal = {
  OIDC_ISSUER: 'https://id.example.com/',
  OIDC_CLIENT_ID: 'ecs-console',
  OIDC_CLIENT_SECRET: 'secret',
  AUTH_SECRET: 'x'.repeat(32),
  APP_URL: 'https://ecs.example.com/',
};

describe('authSettings', () => {
  it('is single-user mode without an issuer', () => {
    expect(authSettings({})).toEqual({ mode: 'singleUser' });
    expect(authSettings({ OIDC_ISSUER: ' ' })).toEqual({ mode: 'singleUser' });
  });

  it('is the portal with an issuer, with defaults for the groups claim and the session length', () => {
    expect(authSettings(portal)).toEqual({
      mode: 'portal',
      issuer: 'https://id.example.com',
      clientId: 'ecs-console',
      clientSecret: 'secret',
      secret: 'x'.repeat(32),
      appUrl: 'https://ecs.example.com',
      groupsClaim: 'groups',
      sessionSeconds: 8 * 3600,
      apiAudience: 'https://ecs.example.com/api/v1',
    });
    expect(authSettings({ ...portal, OIDC_GROUPS_CLAIM: 'roles', SESSION_HOURS: '0.5' })).toMatchObject({
      groupsClaim: 'roles',
      sessionSeconds: 1800,
    });
  });

  it('names every missing setting, and refuses a short secret or a bad session length', () => {
    expect(() => authSettings({ OIDC_ISSUER: 'https://id.example.com' })).toThrow(
      'OIDC_ISSUER is set, so the portal also needs OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, AUTH_SECRET, APP_URL.',
    );
    expect(() => authSettings({ ...portal, AUTH_SECRET: 'short' })).toThrow('AUTH_SECRET must be at least 32');
    expect(() => authSettings({ ...portal, SESSION_HOURS: 'forever' })).toThrow('SESSION_HOURS');
  });
});
