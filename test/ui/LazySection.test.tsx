import * as React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { lazySection } from '../../src/ui/common/LazySection';

it('says when a part of the app could not be loaded, and loads it on "Try again"', async () => {
  let calls = 0;
  const Part = lazySection<{ who: string }>(async () => {
    calls += 1;
    if (calls === 1) throw new TypeError('Failed to fetch dynamically imported module');
    return ({ who }: { who: string }) => <p>Hello {who}</p>;
  }, 'Loading…');
  const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  render(
    <FluentProvider theme={webLightTheme}>
      <Part who="Priya" />
    </FluentProvider>
  );
  fireEvent.click(await screen.findByRole('button', { name: 'Try again' }));
  expect(await screen.findByText('Hello Priya')).toBeInTheDocument();
  expect(calls).toBe(2);
  spy.mockRestore();
});
