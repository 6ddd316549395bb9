/**
 * Which posts come from this app's own pages. A browser names the page a post comes from in its
 * Origin header; a post from another site (a forged form) is refused before any action runs.
 */

type Settings = { APP_URL?: string; TRUST_PROXY_HEADERS?: string };

/**
 * The host this app answers as: the one in APP_URL when set; else the request's Host, or the
 * X-Forwarded-Host a proxy in front sets, when TRUST_PROXY_HEADERS=1 says there is one (otherwise
 * anyone could send that header).
 */
export function ownHost(headers: Headers, settings: Settings): string | undefined {
  if (settings.APP_URL) return new URL(settings.APP_URL).host;
  const forwarded = settings.TRUST_PROXY_HEADERS === '1' ? headers.get('x-forwarded-host') : null;
  return forwarded?.split(',')[0]?.trim() || headers.get('host') || undefined;
}

/** True for a post a browser sent from another site's page. Callers that are not browsers send no Origin. */
export function isCrossSitePost(headers: Headers, settings: Settings): boolean {
  const origin = headers.get('origin');
  if (origin === null) return false;
  if (origin === 'null') return true; // a sandboxed frame or a local file
  try {
    return new URL(origin).host !== ownHost(headers, settings);
  } catch {
    return true;
  }
}
