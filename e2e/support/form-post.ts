import { expect } from '@playwright/test';
import { actionFields, clusterFormFields } from '../../scripts/form-post.mjs';

/** Posts the Create cluster form as a browser without JavaScript would, to a server of the test's own. */
export async function postCreate(url: string, name: string, extra: Record<string, string> = {}) {
  const fields = actionFields(await (await fetch(`${url}/clusters/create`)).text());
  const body = new FormData();
  for (const [key, value] of Object.entries({ ...fields, ...clusterFormFields(name), ...extra }))
    body.append(key, value);
  const answer = await fetch(`${url}/clusters/create`, { method: 'POST', body, redirect: 'manual' });
  expect(answer.status).toBe(303);
}
