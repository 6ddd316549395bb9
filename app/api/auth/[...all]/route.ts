import { portalAuth } from '@/lib/auth/better-auth';
import { authSettings } from '@/lib/auth/settings';

/** Better Auth's own endpoints (the identity provider's callback among them); none in single-user mode. */
async function handle(request: Request): Promise<Response> {
  const settings = authSettings();
  if (settings.mode !== 'portal') return new Response('Not found', { status: 404 });
  return (await portalAuth(settings)).handler(request);
}

export { handle as GET, handle as POST };
