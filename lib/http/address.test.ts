import { describe, expect, it } from 'vitest';
import { refusalOfAddress } from './address';

const routerState = (state: string) => new Headers({ 'next-router-state-tree': state });

describe('refusalOfAddress', () => {
  it('lets through well-formed addresses and the router state Next.js sends', () => {
    expect(refusalOfAddress('/clusters/%ED%95%9C', new Headers())).toBeUndefined();
    const sent = encodeURIComponent(
      JSON.stringify(['', { children: ['clusters', {}, null, null, 0] }, null, null, 16]),
    );
    expect(refusalOfAddress('/clusters', routerState(sent))).toBeUndefined();
  });

  it('refuses a malformed percent-encoding and a router state that is not one', () => {
    expect(refusalOfAddress('/clusters/%E0%A4%A', new Headers())).toBe('malformedAddress');
    expect(refusalOfAddress('/clusters/%', new Headers())).toBe('malformedAddress');
    expect(refusalOfAddress('/clusters', routerState('%7Bgarbage'))).toBe('malformedRouterState');
    expect(refusalOfAddress('/clusters', routerState('[1,2,3]'))).toBe('malformedRouterState');
  });
});
