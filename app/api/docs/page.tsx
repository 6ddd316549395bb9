import type { Metadata } from 'next';
import { Container } from '@/components/ui/Container';
import { openApiDocument } from '@/lib/api/openapi';
import { REFUSAL_PROBLEMS } from '@/lib/api/refusal-statuses';

export const metadata: Metadata = { title: 'HTTP API' };

type Operation = {
  operationId: string;
  summary: string;
  security: Record<string, string[]>[];
  parameters?: { name: string; in: string; required?: boolean; description?: string }[];
  responses: Record<string, { description: string }>;
};

/**
 * The API reference, read from the same OpenAPI document the API publishes: every operation with
 * its scopes, parameters and answers, and the schemas as JSON. Rendered on the server, so it loads
 * no script from outside the app (nor needs one of its own).
 */
export default function ApiDocsPage() {
  const document = openApiDocument();
  const paths = Object.entries(document.paths) as unknown as [string, Record<string, Operation>][];
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold">{document.info.title}</h1>
        <p className="text-ink-muted max-w-3xl">{document.info.description}</p>
        <p>
          OpenAPI 3.1: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>. Errors are{' '}
          <code>application/problem+json</code> (RFC 9457).
        </p>
      </div>
      {paths.flatMap(([path, operations]) =>
        Object.entries(operations).map(([method, operation]) => (
          <Container
            key={operation.operationId}
            id={operation.operationId}
            title={`${method.toUpperCase()} /api/v1${path}`}
            description={operation.summary}
          >
            <p>
              Scopes:{' '}
              {operation.security
                .flatMap((requirement) => Object.entries(requirement))
                .map(([scheme, scopes]) => (scopes.length ? scopes.join(', ') : scheme))
                .join(' or ')}
            </p>
            {operation.parameters && (
              <ul className="mt-2 list-disc pl-5">
                {operation.parameters.map((parameter) => (
                  <li key={parameter.name}>
                    <code>{parameter.name}</code> ({parameter.in}
                    {parameter.required ? ', required' : ''}){parameter.description ? `: ${parameter.description}` : ''}
                  </li>
                ))}
              </ul>
            )}
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4">
              {Object.entries(operation.responses).map(([status, response]) => (
                <div key={status} id={`${operation.operationId}-${status}`} className="contents">
                  <dt className="font-bold">{status}</dt>
                  <dd>{response.description}</dd>
                </div>
              ))}
            </dl>
          </Container>
        )),
      )}
      {Object.entries(document.components.schemas).map(([name, schema]) => (
        <Container key={name} id={`schema-${name}`} title={`Schema: ${name}`}>
          <pre className="max-h-96 overflow-auto text-xs" tabIndex={0}>
            {JSON.stringify(schema, null, 2)}
          </pre>
        </Container>
      ))}
      <Container id="problems" title="Problems">
        <p>
          Every error answer has a <code>type</code> such as <code>/api/docs#problem-validation</code>, a{' '}
          <code>title</code>, the <code>status</code>, usually a <code>detail</code>, and for refusals a{' '}
          <code>violations</code> list of <code>path</code>, <code>rule</code> and <code>message</code>. A refused
          request answers, by the reason it was refused for:
        </p>
        <dl className="mt-2 grid grid-cols-[auto_auto_1fr] gap-x-4">
          {Object.values(REFUSAL_PROBLEMS).map(({ status, type, title }) => (
            <div key={type} id={`problem-${type}`} className="contents">
              <dt className="font-bold">{status}</dt>
              <dd>
                <code>problem-{type}</code>
              </dd>
              <dd>{title}</dd>
            </div>
          ))}
        </dl>
      </Container>
    </div>
  );
}
