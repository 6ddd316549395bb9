import { describe, expect, it } from 'vitest';
import { isCrossSitePost } from './origin';

const post = (headers: Record<string, string>) => new Headers(headers);

describe('isCrossSitePost', () => {
  it('accepts a post from the app’s own page, and callers that send no Origin', () => {
    expect(isCrossSitePost(post({ host: 'portal.example:3000', origin: 'http://portal.example:3000' }), {})).toBe(
      false,
    );
    expect(isCrossSitePost(post({ host: 'portal.example' }), {})).toBe(false);
  });

  it('refuses another site’s page, a null origin and a malformed one', () => {
    expect(isCrossSitePost(post({ host: 'portal.example', origin: 'https://attacker.example' }), {})).toBe(true);
    expect(isCrossSitePost(post({ host: 'portal.example', origin: 'null' }), {})).toBe(true);
    expect(isCrossSitePost(post({ host: 'portal.example', origin: 'not a url' }), {})).toBe(true);
  });

  it('trusts X-Forwarded-Host only when a setting says a proxy sets it', () => {
    const forged = post({
      host: 'portal.example',
      origin: 'https://attacker.example',
      'x-forwarded-host': 'attacker.example',
    });
    expect(isCrossSitePost(forged, {})).toBe(true);
    expect(isCrossSitePost(forged, { TRUST_PROXY_HEADERS: '1' })).toBe(false);
  });

  it('with APP_URL, only its host is the app’s own, whatever Host says', () => {
    const settings = { APP_URL: 'https://portal.example' };
    expect(isCrossSitePost(post({ host: 'attacker.example', origin: 'https://attacker.example' }), settings)).toBe(
      true,
    );
    expect(isCrossSitePost(post({ host: '10.0.0.5:3000', origin: 'https://portal.example' }), settings)).toBe(false);
  });
});
