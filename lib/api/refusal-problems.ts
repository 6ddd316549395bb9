import 'server-only';
import type { Refused } from '@/lib/requests/outcome';
import { englishText, problem } from './problem';
import { REFUSAL_PROBLEMS } from './refusal-statuses';

/** A refusal as a problem document: its status, the first violation's message as the detail, every violation. */
export async function refusalProblem(refusal: Refused): Promise<Response> {
  const { status, type, title } = REFUSAL_PROBLEMS[refusal.reason];
  const violations = await Promise.all(
    refusal.violations.map(async ({ path, rule, message }) => ({
      path: path.join('.'),
      rule,
      message: await englishText(message),
    })),
  );
  return problem(status, type, title, violations[0]?.message, {
    violations,
    ...(refusal.usage && { members: refusal.usage }),
  });
}
