// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorSummary } from './ErrorSummary';
import { TestForm } from './test-form';

afterEach(cleanup);

const ERRORS = { clusterName: 'validation.clusterName.required', 'tags.0.key': 'validation.tag.keyRequired' } as const;

describe('the error summary', () => {
  it('lists every problem as a link to its field, and takes focus', async () => {
    render(
      <TestForm values={{ tags: [{ key: '', value: 'x' }] }} errors={ERRORS}>
        <ErrorSummary attempt="first" />
      </TestForm>,
    );
    const summary = await screen.findByRole('alert', { name: 'Fix 2 problems before you create the cluster' });
    const links = screen.getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['#clusterName', '#tags-0-key']);
    expect(links[0]?.textContent).toBe('Enter a cluster name.');
    expect(document.activeElement).toBe(summary);
  });

  it('takes focus again on the next failed submit, not on a re-render of the same one', async () => {
    const { rerender } = render(
      <TestForm errors={ERRORS}>
        <ErrorSummary attempt="first" />
        <button type="button">elsewhere</button>
      </TestForm>,
    );
    const summary = await screen.findByRole('alert');
    screen.getByRole('button', { name: 'elsewhere' }).focus();
    const again = (attempt: string) => (
      <TestForm errors={ERRORS}>
        <ErrorSummary attempt={attempt} />
        <button type="button">elsewhere</button>
      </TestForm>
    );
    rerender(again('first'));
    expect(document.activeElement).not.toBe(summary);
    rerender(again('second'));
    expect(document.activeElement).toBe(screen.getByRole('alert'));
  });

  it('says nothing when there is nothing to fix', () => {
    render(
      <TestForm>
        <ErrorSummary attempt="first" />
      </TestForm>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
