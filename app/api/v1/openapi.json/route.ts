import { openApiDocument } from '@/lib/api/openapi';

/** The API's OpenAPI 3.1 document: public, like the API's shape (not its data). */
export function GET(): Response {
  return Response.json(openApiDocument());
}
