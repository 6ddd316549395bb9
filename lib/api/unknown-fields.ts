/**
 * The paths of fields the caller sent that the schema does not know: every key of the input that
 * is missing from the parsed output at the same place. zod drops unknown keys silently; the API
 * refuses them, so a misspelt setting is never quietly ignored.
 */
export function unknownFields(input: unknown, output: unknown, path: string[] = []): string[] {
  if (Array.isArray(input) && Array.isArray(output)) {
    return input.flatMap((item, index) => unknownFields(item, output[index], [...path, String(index)]));
  }
  if (!isObject(input) || !isObject(output)) return [];
  return Object.keys(input).flatMap((key) =>
    Object.prototype.hasOwnProperty.call(output, key)
      ? unknownFields(input[key], output[key], [...path, key])
      : [[...path, key].join('.')],
  );
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
