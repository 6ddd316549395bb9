import { describe, expect, it } from 'vitest';
import { readinessOf } from './readiness';

describe('readiness', () => {
  it('is ready when every check is, and says each', async () => {
    await expect(
      readinessOf({ journal: async () => ({ ok: true }), policy: async () => ({ ok: true, detail: 'version 1' }) }),
    ).resolves.toEqual({ ready: true, checks: { journal: { ok: true }, policy: { ok: true, detail: 'version 1' } } });
  });

  it('is not ready when a check fails, throws, or does not answer in time', async () => {
    const report = await readinessOf(
      {
        journal: async () => ({ ok: false, detail: 'unreachable' }),
        worker: async () => {
          throw new Error('postgres://user:secret@db.internal/journal');
        },
        awsCredentials: () => new Promise(() => {}),
        policy: async () => ({ ok: true }),
      },
      50,
    );
    expect(report).toEqual({
      ready: false,
      checks: {
        journal: { ok: false, detail: 'unreachable' },
        // What a check threw is not repeated: it may name a host or a secret.
        worker: { ok: false, detail: 'failed' },
        awsCredentials: { ok: false, detail: 'no answer in 0.05 s' },
        policy: { ok: true },
      },
    });
  });
});
