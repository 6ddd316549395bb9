import { afterEach, describe, expect, it, vi } from 'vitest';
import { cachedList } from './list-cache';

describe('cachedList', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it('asks AWS once for page views within the time a list is kept, and again after it', async () => {
    vi.useFakeTimers();
    vi.stubEnv('AWS_LIST_CACHE_SECONDS', '30');
    const read = vi.fn(async () => ['vpc-1a2b3c4d']);
    await Promise.all([cachedList('eu-west-1', 'vpcs', read), cachedList('eu-west-1', 'vpcs', read)]);
    await cachedList('eu-west-1', 'vpcs', read);
    expect(read).toHaveBeenCalledTimes(1);
    await cachedList('us-east-1', 'vpcs', read);
    expect(read).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(31_000);
    await cachedList('eu-west-1', 'vpcs', read);
    expect(read).toHaveBeenCalledTimes(3);
  });

  it('reads again when the page asks for fresh lists, and does not keep a failure', async () => {
    const read = vi.fn(async () => 'ok');
    await cachedList('ap-northeast-2', 'keys', read);
    await cachedList('ap-northeast-2', 'keys', read, true);
    expect(read).toHaveBeenCalledTimes(2);
    const failing = vi.fn().mockRejectedValueOnce(new Error('throttled')).mockResolvedValueOnce('ok');
    await expect(cachedList('ap-northeast-2', 'profiles', failing)).rejects.toThrow('throttled');
    await expect(cachedList('ap-northeast-2', 'profiles', failing)).resolves.toBe('ok');
  });
});
