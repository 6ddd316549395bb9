import { describe, expect, it } from 'vitest';
import { unknownFields } from './unknown-fields';

describe('unknownFields', () => {
  it('names every key the parsed output does not have, at any depth, __proto__ included', () => {
    const input = JSON.parse(
      '{"a":1,"typo":2,"nested":{"b":1,"c":3},"list":[{"k":1,"x":2}],"__proto__":{"admin":true}}',
    ) as unknown;
    const output = { a: 1, nested: { b: 1 }, list: [{ k: 1 }] };
    expect(unknownFields(input, output)).toEqual(['typo', 'nested.c', 'list.0.x', '__proto__']);
    expect(unknownFields({ a: 1 }, { a: 1 })).toEqual([]);
  });
});
