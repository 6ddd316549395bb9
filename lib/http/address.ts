import { parseAndValidateFlightRouterState } from 'next/dist/server/app-render/parse-and-validate-flight-router-state';
import type { Refusal } from './refusals';

/**
 * A request's address and the router state a client names: Next.js decodes both while routing and
 * answers 500 when it cannot. They are checked here, with Next.js's own parser for the router state.
 */
export function refusalOfAddress(pathname: string, headers: Headers): Refusal | undefined {
  try {
    decodeURIComponent(pathname);
  } catch {
    return 'malformedAddress';
  }
  const routerState = headers.get('next-router-state-tree');
  if (routerState !== null) {
    try {
      parseAndValidateFlightRouterState(routerState);
    } catch {
      return 'malformedRouterState';
    }
  }
  return undefined;
}
