import { describe, expect, it } from 'vitest';
import { install } from '../../widget/api.ts';
import * as publicApi from '../../widget/public-api.ts';
import { fixtureCompiled } from './support.ts';

describe('the ES module build\'s exports (widget/public-api.ts)', () => {
  it('are exactly the public API', () => {
    expect(Object.keys(publicApi).sort()).toEqual(['EligibilityScreenerElement', 'TAG', 'api', 'mount', 'open', 'version']);
    expect(publicApi.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(publicApi.TAG).toBe('eligibility-screener');
  });

  it('register the element and window.EligibilityScreener on install, as the entry does', async () => {
    install(await fixtureCompiled());
    expect(customElements.get(publicApi.TAG)).toBe(publicApi.EligibilityScreenerElement);
    expect(window.EligibilityScreener).toBe(publicApi.api);
  });
});
