// The designer rendered to markup with a real store: messages at the field, the grid preview.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ClientAPI } from '../../../src-shared/contract';
import type { Platform } from '../../api/platform';
import { strategyRow } from './form-model';
import type { DesignForm } from './form-model';
import { createAppStore } from '../../state/app-store';
import { PlatformContext, StoreContext } from '../../state/hooks';
import { DesignScreen } from './DesignScreen';

const api: ClientAPI = {
  invoke: () => Promise.reject(new Error('offline')),
  on: () => () => undefined,
};
const platform: Platform = {
  api,
  mode: 'web',
  saveFile: () => Promise.resolve({ saved: true, path: null }),
  onConnection: () => () => undefined,
};

function render(patch: Partial<DesignForm>): string {
  const store = createAppStore({ api, writeHash: () => undefined });
  store.getState().updateForm(patch);
  // Server rendering reads the store's initial state: make the patched state the initial one.
  const state = store.getState();
  store.getInitialState = () => state;
  return renderToStaticMarkup(
    <PlatformContext.Provider value={platform}>
      <StoreContext.Provider value={store}>
        <DesignScreen />
      </StoreContext.Provider>
    </PlatformContext.Provider>,
  );
}

describe('sweep designer', () => {
  it('previews the grid of the default form', () => {
    const html = render({});
    expect(html).toContain(
      '<p class="grid-formula" data-testid="grid-preview"><span class="num">2</span> capabilities × <span class="num">3</span> levels × <span class="num">3</span> runs = <strong class="num">18</strong> games</p>',
    );
    expect(html).toContain('Strategy agents only: no API calls, no cost.');
    expect(html).toContain('data-testid="design-summary" data-state="checking"');
    expect(html).not.toContain('read-only');
  });

  it('shows schema problems at their fields and keeps launch disabled', () => {
    const html = render({ rounds: 0, levels: [], participants: [strategyRow(0.5, 'baseline')] });
    expect(html).toMatch(
      /aria-invalid="true" aria-describedby="(_R_\w+_)-issues" data-testid="field-rounds" value="0"\/><ul class="field-issues" id="\1-issues" role="alert"><li><code>rounds<\/code> Too small: expected number to be &gt;=1<\/li><\/ul>/,
    );
    expect(html).toContain('list at least one competition level');
    expect(html).toContain('list at least one opponent');
    expect(html).toContain('data-testid="design-summary" data-state="invalid"');
    expect(html).toContain(
      '<div class="check check-invalid" role="status" data-testid="validation">3 problems: see the marked fields.</div>',
    );
    expect(html).toContain(
      '<button type="button" class="primary launch" data-testid="launch" disabled="">',
    );
  });
});
