// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FormField } from './FormField';

afterEach(cleanup);

describe('the field anatomy', () => {
  it('labels the control, and describes it by its error, description, hint and constraint, in that order', () => {
    render(
      <FormField
        id="clusterName"
        label="Cluster name"
        description="A name for it."
        constraint="Up to 255."
        hint="12 left"
        error="Enter a name."
      >
        {(control) => <input {...control} />}
      </FormField>,
    );
    const input = screen.getByRole('textbox', { name: 'Cluster name' });
    expect(input.getAttribute('aria-describedby')).toBe(
      'clusterName-error clusterName-description clusterName-hint clusterName-constraint',
    );
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('clusterName-error')?.textContent).toBe('Enter a name.');
    expect(document.getElementById('clusterName-hint')?.getAttribute('aria-live')).toBe('polite');
  });

  it('without an error: not invalid, and described only by the texts it has', () => {
    render(
      <FormField id="namespace" label="Default namespace" optionalText="optional" description="Cloud Map.">
        {(control) => <input {...control} />}
      </FormField>,
    );
    const input = screen.getByRole('textbox', { name: 'Default namespace - optional' });
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(input.getAttribute('aria-describedby')).toBe('namespace-description');
  });

  it('as a group: a fieldset its legend names, described as a whole', () => {
    render(
      <FormField group id="infrastructure" label="Infrastructure" error="Choose at least one.">
        {() => (
          <>
            <input type="checkbox" aria-label="AWS Fargate" />
            <input type="checkbox" aria-label="Amazon EC2 instances" />
          </>
        )}
      </FormField>,
    );
    const group = screen.getByRole('group', { name: 'Infrastructure' });
    expect(group.getAttribute('aria-describedby')).toBe('infrastructure-error');
    expect(screen.getByRole('checkbox', { name: 'AWS Fargate' }).getAttribute('aria-describedby')).toBeNull();
  });
});
