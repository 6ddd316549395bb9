import { describe, expect, it } from 'vitest';
import { type Principal, SINGLE_USER } from '@/lib/auth/principal';
import { auditQueryOf, auditQueryString } from './audit-query';
import { csvCell } from './audit-view';

/** Only what the audit query reads of a principal: whether an admin, and the teams. */
const member = { mode: 'person', admin: false, teams: ['payments'] } as unknown as Principal;
const admin = { mode: 'person', admin: true, teams: [] } as unknown as Principal;
const query = (text: string, principal: Principal = admin) => auditQueryOf(new URLSearchParams(text), principal);

describe('the audit trail’s query', () => {
  it('narrows a member to their own teams, whatever team they ask for; an admin and single-user mode see all', () => {
    expect(query('team=search', member)).toEqual({ filter: { teams: ['payments'], team: 'search' } });
    expect(query('', admin)).toEqual({ filter: {} });
    expect(query('', SINGLE_USER)).toEqual({ filter: {} });
  });

  it('reads each filter, times as UTC, and a date alone as `until` to the end of that day', () => {
    expect(
      query('actor=client:demo-ci&decision=refused&kind=delete&since=2026-12-01&until=2026-12-07&team=payments'),
    ).toEqual({
      filter: {
        team: 'payments',
        actor: 'client:demo-ci',
        action: 'refused',
        kind: 'delete',
        since: '2026-12-01T00:00:00.000Z',
        until: '2026-12-08T00:00:00.000Z',
      },
    });
    expect(query('since=2026-12-01T09:30')).toEqual({ filter: { since: '2026-12-01T09:30:00.000Z' } });
    expect(query('until=2026-12-01T09:30:00%2B09:00')).toEqual({ filter: { until: '2026-12-01T00:30:00.000Z' } });
  });

  it('names what it cannot read', () => {
    expect(query('decision=approved')).toEqual({ invalid: 'decision' });
    expect(query('kind=update')).toEqual({ invalid: 'kind' });
    expect(query('since=yesterday')).toEqual({ invalid: 'since' });
    expect(query('until=2026-13-45')).toEqual({ invalid: 'until' });
    expect(query('before=garbage')).toEqual({ invalid: 'before' });
  });

  it('keeps the filters, not the cursor, in the links it makes', () => {
    const params = new URLSearchParams('team=payments&before=x|y&decision=refused&other=1');
    expect(auditQueryString(params, { format: 'csv' })).toBe('team=payments&decision=refused&format=csv');
  });
});

it('writes CSV cells as RFC 4180 says, and a formula as text', () => {
  expect(csvCell('plain')).toBe('plain');
  expect(csvCell('a, "b"')).toBe('"a, ""b"""');
  expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
  expect(csvCell('-1')).toBe("'-1");
});
