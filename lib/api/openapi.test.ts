import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi';

const CHECKED_IN = 'docs/openapi.json';

describe('the OpenAPI document', () => {
  it('is the one checked into docs/ (to update it: UPDATE_OPENAPI=1 npx vitest run lib/api/openapi.test.ts)', () => {
    const generated = `${JSON.stringify(openApiDocument(), null, 2)}\n`;
    if (process.env.UPDATE_OPENAPI === '1') writeFileSync(CHECKED_IN, generated);
    expect(readFileSync(CHECKED_IN, 'utf8')).toBe(generated);
  });

  it('describes the body without the request id, which the Idempotency-Key header carries', () => {
    const body = openApiDocument().components.schemas.ClusterRequest;
    expect(body.required).toEqual(expect.arrayContaining(['clusterName', 'infrastructure', 'tags']));
    expect(body.required).not.toContain('requestId');
    expect(body.properties).not.toHaveProperty('requestId');
    expect(body.properties).toHaveProperty('team');
    expect(body.additionalProperties).toBe(false);
  });

  it('points every reference at a schema it defines', () => {
    const document = openApiDocument();
    const references = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map(
      (match) => match[1]!,
    );
    expect(references.length).toBeGreaterThan(5);
    for (const name of references) expect(document.components.schemas).toHaveProperty(name);
  });
});
