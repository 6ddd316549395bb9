// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { TagsSection } from './TagsSection';
import { TestForm } from './test-form';

afterEach(cleanup);

describe('the tag rows', () => {
  it('labels each cell for its row, wires its error, and says how many more tags fit', () => {
    render(
      <TestForm
        values={{
          tags: [
            { key: 'env', value: 'prod' },
            { key: '', value: 'orphan' },
          ],
        }}
        errors={{ 'tags.1.key': 'validation.tag.keyRequired' }}
      >
        <TagsSection />
      </TestForm>,
    );
    expect(screen.getByRole('textbox', { name: 'Key of tag 1' })).toHaveProperty('value', 'env');
    expect(screen.getByRole('textbox', { name: 'Value of tag 1' })).toHaveProperty('value', 'prod');
    const key = screen.getByRole('textbox', { name: 'Key of tag 2' });
    expect(key.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(key.getAttribute('aria-describedby')!)?.textContent).toBe('Enter a key.');
    expect(screen.getByText('You can add 47 more tags.')).toBeTruthy();
  });

  it('adds a row with its key focused, and removes a row by its own button', async () => {
    const user = userEvent.setup();
    render(
      <TestForm values={{ tags: [{ key: 'env', value: 'prod' }] }}>
        <TagsSection />
      </TestForm>,
    );
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Key of tag 2' }));
    await user.click(screen.getByRole('button', { name: 'Remove tag 1' }));
    expect(screen.getAllByRole('textbox').map((input) => (input as HTMLInputElement).value)).toEqual(['', '']);
    expect(screen.queryByRole('textbox', { name: 'Key of tag 2' })).toBeNull();
  });
});
