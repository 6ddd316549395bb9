import { getPrincipal } from '@/lib/auth/session';
import { withAwsDeadline } from '@/lib/aws/deadline';
import { loadEc2Options } from '@/lib/aws/ec2-options';

/**
 * The lists the Amazon EC2 instances fields offer, as JSON: the Create cluster page asks for them
 * only once EC2 is chosen, so a page view that stays with Fargate asks AWS for none of them.
 * `?refresh=1` reads them from AWS again, as the page's refresh link does.
 */
export async function GET(request: Request) {
  // The account's lists are for signed-in people only, as the page is.
  if (!(await getPrincipal())) return new Response('Sign in first.', { status: 401 });
  const fresh = new URL(request.url).searchParams.get('refresh') === '1';
  const options = await withAwsDeadline(() => loadEc2Options(fresh));
  return Response.json(options, { headers: { 'cache-control': 'no-store' } });
}
