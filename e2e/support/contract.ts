import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { expect } from './fixtures';

/**
 * The contract test: every answer the API tests receive is checked against the published OpenAPI
 * document (docs/openapi.json, which a unit test keeps equal to the generated one): its status
 * must be one the operation declares, and its body must match that answer's schema.
 */
const document = JSON.parse(readFileSync(join(__dirname, '..', '..', 'docs', 'openapi.json'), 'utf8')) as {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>
  >;
  components: unknown;
};
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema({ $id: 'openapi', components: document.components });

const withAbsoluteRefs = (schema: unknown) =>
  JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/')) as object;

export function expectMatchesContract(path: string, method: string, status: number, body: unknown) {
  const operation = document.paths[path]?.[method];
  expect(operation, `${method} ${path} is in the document`).toBeDefined();
  const response = operation!.responses[String(status)];
  expect(response, `${method} ${path} declares ${status}`).toBeDefined();
  const content = Object.values(response!.content ?? {})[0];
  if (!content) return;
  const validate = ajv.compile(withAbsoluteRefs(content.schema));
  expect(validate(body) ? [] : validate.errors, `${method} ${path} ${status} matches its schema`).toEqual([]);
}
