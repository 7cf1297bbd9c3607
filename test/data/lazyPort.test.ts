// Ports fetched on first use (composeServices): a chunk that cannot be downloaded fails that call
// as "offline" (the screen says so, with "Try again"), and the next call fetches it again.
import { fetchCode, lazyPort } from '../../src/webparts/shared/lazyPort';
import { isDataError, isRetryableError } from '../../src/domain';
import { describeError } from '../../src/ui/common/errors';

interface Lists {
  count(): Promise<number>;
}

it('a port whose code cannot be downloaded fails as offline, with "Try again", and loads on the next call', async () => {
  let fetches = 0;
  const port = lazyPort<Lists>(() =>
    fetchCode(async () => {
      fetches += 1;
      if (fetches === 1) throw new Error('Loading chunk plan-lists failed.');
      return { count: () => Promise.resolve(3) };
    }, 'reads plans and settings')
  );
  const failed = await port.count().catch((error: unknown) => error);
  expect(isDataError(failed, 'offline')).toBe(true);
  expect(isRetryableError(failed)).toBe(true);
  expect(describeError(failed)).toMatchObject({ title: 'You seem to be offline', canRetry: true });
  expect((failed as Error).message).toMatch(/reads plans and settings could not be downloaded \(Loading chunk plan-lists failed\.\)/);
  await expect(port.count()).resolves.toBe(3);
  expect(fetches).toBe(2);
});
