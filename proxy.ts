import { type NextRequest, NextResponse } from 'next/server';
import { isCrossSitePost } from '@/lib/http/origin';

/**
 * Runs before every page and action. A post from another site's page is refused with 403 and a
 * message here, before Next.js would answer its own check of the same with a 500.
 */
export function proxy(request: NextRequest) {
  if (
    request.method === 'POST' &&
    isCrossSitePost(request.headers, {
      APP_URL: process.env.APP_URL,
      TRUST_PROXY_HEADERS: process.env.TRUST_PROXY_HEADERS,
    })
  ) {
    return new NextResponse(
      'Refused: this form was sent from another site. Open the Create cluster page on this site and send it from there.',
      { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } },
    );
  }
  return NextResponse.next();
}

export const config = {
  // Pages and actions; not the build's static files.
  matcher: '/((?!_next/static|_next/image|icon.svg).*)',
};
