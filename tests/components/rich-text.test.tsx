import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { Intro } from '../../widget/components/intro.tsx';
import { paragraphs, rich } from '../../widget/components/rich-text.tsx';
import { contentOf, fixtureRuleSet, viewFor } from './support.ts';

// Payloads a hostile or careless rule file might carry. The validators refuse
// them, but the renderer must never need that: each must stay visible text.
const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  '[click me](javascript:alert(1))',
  '[click](data:text/html,<script>alert(1)</script>)',
  '<a href="javascript:alert(1)">x</a>',
  '&lt;b&gt;not bold&lt;/b&gt;',
  '<style>*{display:none}</style>',
];

describe('rich()', () => {
  it.each(PAYLOADS)('renders %j as its own characters, with no element or script link', (payload) => {
    const { container } = render(<p>{rich(`Before ${payload} after`)}</p>);
    const p = container.querySelector('p')!;
    expect(p.textContent).toBe(`Before ${payload} after`);
    expect(p.querySelectorAll('img, script, svg, style, iframe').length).toBe(0);
    for (const link of p.querySelectorAll('a')) expect(link.getAttribute('href')).toMatch(/^(https:|tel:|mailto:)/);
  });

  it('renders the safe subset: emphasis, strong, and https/tel/mailto links', () => {
    const { container } = render(<p>{rich('Call [988](tel:988) *now*, **please**, or [chat](https://988lifeline.org/chat/).')}</p>);
    expect(container.querySelector('em')?.textContent).toBe('now');
    expect(container.querySelector('strong')?.textContent).toBe('please');
    const links = [...container.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel')]);
    expect(links).toEqual([
      ['988', 'tel:988', null, null],
      ['chat', 'https://988lifeline.org/chat/', '_blank', 'noopener noreferrer'],
    ]);
  });

  it('splits text into paragraphs at blank lines', () => {
    const { container } = render(<div>{paragraphs('One.\n\nTwo *and* more.')}</div>);
    expect([...container.querySelectorAll('p')].map((p) => p.textContent)).toEqual(['One.', 'Two and more.']);
  });
});

describe('screens render rule text as text', () => {
  it('shows markup in an intro title as characters, even if it skipped validation', () => {
    const ruleSet = fixtureRuleSet();
    const hostile = { ...ruleSet, intro: { ...ruleSet.intro, title: '<img src=x onerror=alert(1)>Hello' } };
    const { view } = viewFor(hostile);
    const { container, getByRole } = render(<Intro view={view} content={contentOf(view, { kind: 'intro' })} />);
    expect(getByRole('heading').textContent).toBe('<img src=x onerror=alert(1)>Hello');
    expect(container.querySelector('img')).toBeNull();
  });
});
