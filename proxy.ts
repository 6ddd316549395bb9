import type { NextRequest } from 'next/server';
import { NextResponse } from 'next/server';
import { refusalOfAddress } from '@/lib/http/address';
import { refusalOfFormPost } from '@/lib/http/form-post';
import { isCrossSitePost } from '@/lib/http/origin';
import { type Refusal, refusalResponse } from '@/lib/http/refusals';
import { LOCALE_COOKIE, requestLocale } from '@/lib/i18n/locales';
import { countRefusal } from '@/lib/telemetry/metrics';

/**
 * Runs before every page and action, and refuses what no page of this app sends with a 4xx and a
 * message, before Next.js would answer its own failure to read it with a 500: a malformed address,
 * a post from another site's page, and a post that is not one of the app's own forms.
 */
export async function proxy(request: NextRequest) {
  const started = performance.now();
  const refusal = await refusalOf(request);
  if (refusal === undefined) return NextResponse.next();
  const locale = requestLocale(request.cookies.get(LOCALE_COOKIE)?.value, request.headers.get('accept-language'));
  const response = refusalResponse(refusal, locale);
  countRefusal(request.method, response.status, (performance.now() - started) / 1000);
  return response;
}

async function refusalOf(request: NextRequest): Promise<Refusal | undefined> {
  const addressRefusal = refusalOfAddress(request.nextUrl.pathname, request.headers);
  if (addressRefusal) return addressRefusal;
  if (request.method === 'GET' || request.method === 'HEAD') return undefined;
  // The HTTP API checks its own requests (a token, JSON, its size) and answers problem documents;
  // no browser's cookie can write through it, so another site's page cannot either.
  if (request.nextUrl.pathname.startsWith('/api/v1/')) return undefined;
  if (request.method !== 'POST') return 'method';
  const settings = { APP_URL: process.env.APP_URL, TRUST_PROXY_HEADERS: process.env.TRUST_PROXY_HEADERS };
  if (isCrossSitePost(request.headers, settings)) return 'crossSite';
  return refusalOfFormPost({ headers: request.headers, body: () => request.arrayBuffer() });
}

export const config = {
  // Pages and actions; not the build's static files.
  matcher: '/((?!_next/static|_next/image|icon.svg).*)',
};
