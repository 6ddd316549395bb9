import type { Refusal } from './refusals';

/**
 * What a POST to a page of this app must be: a form sent by one of its own pages. Next.js decodes
 * anything else as far as it can and then fails with a 500 (or, worse, calls an action with
 * arguments it never expects), so a post is checked here, before Next.js reads it.
 *
 * Every action of this app is a form's action in the useActionState shape: (previous answer, the
 * form's fields). A browser sends it one of two ways:
 *  - with JavaScript: a `Next-Action` header and React's multipart encoding of the arguments,
 *    field `0` being `[previousAnswer, "$K1"]` ("$K1": the form's fields, sent alongside);
 *  - without: a multipart form with `$ACTION_REF_n`, `$ACTION_n:0` = `{"id", "bound": "$@1"}`,
 *    `$ACTION_n:1` = `[previousAnswer]`, and the form's fields.
 * Either way every value is text: no form of this app takes a file.
 */

/**
 * The largest form of this app fits with room to spare: 49 tags of the longest text in a
 * three-byte script, sent with JavaScript together with the previous answer that echoes them,
 * is about 130 KiB (form-post.test.ts measures it).
 */
export const FORM_BODY_LIMIT = 256 * 1024;
/** The previous answer holds the form's values: tags.3.key is four levels down. */
const MAX_JSON_DEPTH = 8;

export interface FormPost {
  headers: Headers;
  body: () => Promise<ArrayBuffer>;
}

export async function refusalOfFormPost(post: FormPost): Promise<Refusal | undefined> {
  const declaredLength = Number(post.headers.get('content-length') ?? 0);
  if (declaredLength > FORM_BODY_LIMIT) return 'tooLarge';
  const contentType = post.headers.get('content-type') ?? '';
  const javaScript = post.headers.has('next-action');
  const multipart = /^multipart\/form-data\s*;/i.test(contentType);
  // React sends the arguments as JSON text when none is a form: never so for this app's actions.
  const json = javaScript && /^text\/plain\b/i.test(contentType);
  if (!multipart && !json) return 'contentType';

  const body = await post.body();
  if (body.byteLength > FORM_BODY_LIMIT) return 'tooLarge';
  if (json) {
    const args = parseJson(new TextDecoder().decode(body));
    return args === undefined ? 'malformedBody' : 'notAForm';
  }

  let fields: FormData;
  try {
    fields = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  } catch {
    return 'malformedBody';
  }
  for (const value of fields.values()) if (typeof value !== 'string') return 'notAForm';
  return javaScript ? refusalOfActionArguments(fields) : refusalOfFormWithoutJavaScript(fields);
}

function refusalOfActionArguments(fields: FormData): Refusal | undefined {
  const args = parseJson(fields.get('0') as string | null);
  if (args === undefined) return 'malformedBody';
  const [previous, form, ...rest] = Array.isArray(args) ? args : [];
  return Array.isArray(args) && rest.length === 0 && isPreviousAnswer(previous) && isFormReference(form)
    ? undefined
    : 'notAForm';
}

function refusalOfFormWithoutJavaScript(fields: FormData): Refusal | undefined {
  const names = [...fields.keys()];
  const references = names.filter((name) => /^\$ACTION_REF_/.test(name));
  // An action called without a previous answer: this app's pages never render one.
  if (references.length !== 1 || names.some((name) => name.startsWith('$ACTION_ID_'))) return 'notAForm';
  const prefix = `$ACTION_${references[0]!.slice('$ACTION_REF_'.length)}:`;
  const action = parseJson(fields.get(`${prefix}0`) as string | null);
  const bound = parseJson(fields.get(`${prefix}1`) as string | null);
  if (action === undefined || bound === undefined) return 'malformedBody';
  const isAction =
    isObject(action) &&
    Object.keys(action).length === 2 &&
    typeof action.id === 'string' &&
    /^[0-9a-f]{2,64}$/.test(action.id) &&
    action.bound === '$@1';
  const isBound = Array.isArray(bound) && bound.length === 1 && isPreviousAnswer(bound[0]);
  return isAction && isBound ? undefined : 'notAForm';
}

/** JSON no deeper than any answer of this app; undefined for anything else. */
function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return depth(value) <= MAX_JSON_DEPTH ? value : undefined;
  } catch {
    return undefined; // including a RangeError from nesting deeper than the parser's stack
  }
}

function depth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, level] = stack.pop()!;
    deepest = Math.max(deepest, level);
    if (deepest > MAX_JSON_DEPTH) break;
    if (item !== null && typeof item === 'object') {
      for (const child of Object.values(item)) stack.push([child, level + 1]);
    }
  }
  return deepest;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** "$K<n>": React's reference to a FormData sent in the same body. */
const isFormReference = (value: unknown) => typeof value === 'string' && /^\$K[0-9a-f]{1,8}$/.test(value);

/**
 * An answer this app gave: plain data. React reads a string that starts with "$" as a reference
 * (a promise, a Map, a BigInt, a server function…), which no answer of this app holds; its own
 * strings that start with "$" arrive escaped as "$$", and undefined as "$undefined".
 */
function isPreviousAnswer(value: unknown): boolean {
  if (value !== null && !isObject(value)) return false;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string' && item.startsWith('$') && !item.startsWith('$$') && item !== '$undefined') {
      return false;
    }
    if (item !== null && typeof item === 'object') pending.push(...Object.values(item));
  }
  return true;
}
