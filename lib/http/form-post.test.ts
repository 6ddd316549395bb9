import { describe, expect, it } from 'vitest';
import type { ClusterFormValues } from '@/lib/cluster-form/fields';
import { MAX_USER_TAGS, TAG_KEY_MAX, TAG_VALUE_MAX } from '@/lib/cluster/limits';
import { clusterFormSchema } from '@/lib/cluster-form/form-schema';
import { formValues } from '@/lib/cluster-form/test-values';
import { FORM_BODY_LIMIT, refusalOfFormPost } from './form-post';

const ACTION_ID = '6032e62a88517406b4ea58a96ac6fd46d6ad8f6d13';
const EDITING = { status: 'editing' };

/** The form's fields as a browser's FormData holds them, each name after `prefix`. */
function appendForm(body: FormData, values: ClusterFormValues, prefix = '') {
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'string') body.append(prefix + name, value);
    else if (value === true) body.append(prefix + name, 'on');
    else if (Array.isArray(value)) {
      value.forEach((item: string | Record<string, string>, index) => {
        if (typeof item === 'string') body.append(prefix + name, item);
        else for (const [part, text] of Object.entries(item)) body.append(`${prefix}${name}.${index}.${part}`, text);
      });
    }
  }
  return body;
}

/** What React sends for a submit with JavaScript: the form's fields, then the arguments. */
function javaScriptPost(values = formValues(), args: unknown = [EDITING, '$K1']) {
  const body = appendForm(new FormData(), values, '_1_');
  body.append('0', JSON.stringify(args));
  return { headers: { 'next-action': ACTION_ID }, body };
}

/** What a browser without JavaScript sends: the action's reference fields, then the form. */
function plainPost(values = formValues(), reference: Record<string, string> = referenceFields()) {
  const body = new FormData();
  for (const [name, value] of Object.entries(reference)) body.append(name, value);
  return { headers: {}, body: appendForm(body, values) };
}

const referenceFields = (action: unknown = { id: ACTION_ID, bound: '$@1' }, bound: unknown = [EDITING]) => ({
  $ACTION_REF_1: '',
  '$ACTION_1:0': JSON.stringify(action),
  '$ACTION_1:1': JSON.stringify(bound),
  $ACTION_KEY: 'k0123456789abcdef',
});

async function refusalOf(post: { headers: Record<string, string>; body: BodyInit }) {
  const request = new Request('http://portal.example/clusters/create', { method: 'POST', ...post });
  return refusalOfFormPost({ headers: request.headers, body: () => request.arrayBuffer() });
}

describe('refusalOfFormPost', () => {
  it('lets through the Create cluster form as a browser sends it, with and without JavaScript', async () => {
    expect(await refusalOf(javaScriptPost())).toBeUndefined();
    expect(await refusalOf(plainPost())).toBeUndefined();
    // The previous answer comes back as it was given, strings starting with "$" escaped by React.
    const rejected = { status: 'rejected', values: formValues({ clusterName: '$$x' }), fieldErrors: {}, answerId: 'a' };
    expect(await refusalOf(javaScriptPost(formValues(), [rejected, '$K1']))).toBeUndefined();
    expect(await refusalOf(javaScriptPost(formValues(), [null, '$K1']))).toBeUndefined(); // the language switch
  });

  it('has room for the largest valid form, sent with JavaScript after a rejected answer that echoes it', async () => {
    const longest = (length: number, index: number) => `${index}`.padEnd(length, '가');
    const values = formValues({
      clusterName: 'c'.repeat(255),
      namespace: 'n'.repeat(1024),
      tags: Array.from({ length: MAX_USER_TAGS }, (_, index) => ({
        key: longest(TAG_KEY_MAX, index),
        value: longest(TAG_VALUE_MAX, index),
      })),
    });
    expect(clusterFormSchema.safeParse(values).success).toBe(true);
    const rejected = {
      status: 'rejected',
      values,
      fieldErrors: {},
      formError: { message: { key: 'aws.x' } },
      answerId: 'a',
    };
    const post = javaScriptPost(values, [rejected, '$K1']);
    const size = (await new Response(post.body).arrayBuffer()).byteLength;
    expect(size).toBeGreaterThan(100 * 1024);
    expect(size).toBeLessThan(FORM_BODY_LIMIT * 0.6);
    expect(await refusalOf(post)).toBeUndefined();
  });

  it('refuses a body over the limit with 413, whether or not it declares its length', async () => {
    const big = formValues({ namespace: 'n'.repeat(FORM_BODY_LIMIT) });
    expect(await refusalOf(plainPost(big))).toBe('tooLarge');
    const declared = { headers: { 'content-length': String(FORM_BODY_LIMIT + 1), 'content-type': 'text/plain' } };
    expect(await refusalOfFormPost({ headers: new Headers(declared.headers), body: () => Promise.reject() })).toBe(
      'tooLarge',
    );
  });

  it('refuses bodies of other types, and JSON arguments (this app’s actions always take a form)', async () => {
    const text = (body: string, type: string) => ({
      headers: { 'next-action': ACTION_ID, 'content-type': type },
      body,
    });
    expect(await refusalOf(text('{"clusterName":"x"}', 'application/json'))).toBe('contentType');
    expect(await refusalOf(text('clusterName=x', 'application/x-www-form-urlencoded'))).toBe('contentType');
    expect(await refusalOf({ headers: { 'content-type': 'text/plain' }, body: '[]' })).toBe('contentType');
    expect(await refusalOf(text('[{}, {"clusterName": "x"}]', 'text/plain;charset=UTF-8'))).toBe('notAForm');
    expect(await refusalOf(text('hello', 'text/plain'))).toBe('malformedBody');
    expect(await refusalOf(text(`${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'text/plain'))).toBe('malformedBody');
  });

  it('refuses malformed multipart and file parts', async () => {
    const broken = { 'next-action': ACTION_ID, 'content-type': 'multipart/form-data; boundary=xx' };
    expect(await refusalOf({ headers: broken, body: '--xx\r\nbroken' })).toBe('malformedBody');
    const withFile = plainPost();
    withFile.body.append('clusterName', new Blob(['x']), 'name.txt');
    expect(await refusalOf(withFile)).toBe('notAForm');
  });

  it('refuses action arguments that are not (previous answer, form)', async () => {
    const args = (value: unknown) => refusalOf(javaScriptPost(formValues(), value));
    expect(await args([EDITING])).toBe('notAForm');
    expect(await args(['$K1'])).toBe('notAForm');
    expect(await args([EDITING, '$K1', 'extra'])).toBe('notAForm');
    expect(await args([EDITING, 'clusterName'])).toBe('notAForm');
    expect(await args({ 0: EDITING, 1: '$K1' })).toBe('notAForm');
    expect(await args(['$@9', '$K1'])).toBe('notAForm'); // a promise React would wait for
    expect(await args([{ status: '$n99999999999999999999' }, '$K1'])).toBe('notAForm'); // a BigInt
    expect(await args([{ a: { b: { c: { d: { e: { f: { g: { h: { i: 1 } } } } } } } } }, '$K1'])).toBe('malformedBody');
    const noArguments = javaScriptPost();
    noArguments.body.delete('0');
    expect(await refusalOf(noArguments)).toBe('malformedBody');
  });

  it('refuses a form without JavaScript whose action reference is not the page’s', async () => {
    const reference = (fields: Record<string, string>) => refusalOf(plainPost(formValues(), fields));
    expect(await refusalOf({ headers: {}, body: appendForm(new FormData(), formValues()) })).toBe('notAForm');
    expect(await reference({ [`$ACTION_ID_${ACTION_ID}`]: '' })).toBe('notAForm');
    expect(await reference(referenceFields({ id: ACTION_ID, bound: null }))).toBe('notAForm');
    expect(await reference(referenceFields({ id: '../x', bound: '$@1' }))).toBe('notAForm');
    expect(await reference(referenceFields(undefined, [5]))).toBe('notAForm');
    expect(await reference(referenceFields(undefined, [EDITING, EDITING]))).toBe('notAForm');
    expect(await reference({ ...referenceFields(), '$ACTION_1:0': '{bad' })).toBe('malformedBody');
    expect(await reference({ ...referenceFields(), $ACTION_REF_2: '' })).toBe('notAForm');
  });
});
