import { afterEach, expect, it, vi } from 'vitest';
import { checkPortalSettings } from './portal-startup';

afterEach(() => vi.restoreAllMocks());

it('stops a single-user server that would listen beyond this machine, as the container image would', () => {
  const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
  checkPortalSettings({ HOSTNAME: '0.0.0.0' });
  expect(exit).toHaveBeenCalledWith(1);
});

it('lets a single-user server on loopback, or with no HOSTNAME (npm start passes -H), start', () => {
  const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
  for (const HOSTNAME of ['127.0.0.1', 'localhost', '::1', undefined]) checkPortalSettings({ HOSTNAME });
  expect(exit).not.toHaveBeenCalled();
});
