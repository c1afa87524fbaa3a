import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { PopupView } from '@/components/PopupView';
import type { Evidence } from '@/utils/engine';
import { describeVerdict } from '@/utils/ui/describe-verdict';
import { formatters } from '@/utils/ui/format';
import { languageNames } from '@/utils/ui/language-names';
import type { TabVerdict } from '@/utils/verdict';
import { loadMessages, translatorFor } from '../helpers/messages';

let root: HTMLElement;
beforeEach(() => {
  const { document } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
  (globalThis as { document?: unknown }).document = document;
  root = document.getElementById('app') as unknown as HTMLElement;
});

const evidence: Evidence = {
  shared: [
    { label: 'Camaïeu', kind: 'name', pagePara: 0, originalPara: 0 },
    { label: 'Ouzzani', kind: 'name', pagePara: 0, originalPara: 0 },
    { label: 'Camaïeu', kind: 'name', pagePara: 2, originalPara: 2 },
    { label: '7', kind: 'num', pagePara: 2, originalPara: 2 },
  ],
  links: [
    { pagePara: 2, originalPara: 2, anchors: 2 },
    { pagePara: 0, originalPara: 0, anchors: 2 },
  ],
  coverage: 0.81,
  containment: 0.9,
  lengthCorrelation: 0.93,
  lengthRatio: 1.02,
};
const verdict: TabVerdict = {
  state: 'translation', url: 'https://n.example/it', pageLang: 'it', checkedAt: 0, score: 0.97, basis: 'content', evidence,
  original: { id: 'x', title: 'Camaïeu victime d’une cyberattaque', lang: 'fr', author: 'Yohann G.', publisher: 'Le Quotidien', url: 'https://q.example/fr', date: '2022-06-14' },
};

function show(l: string, v: TabVerdict | null) {
  const t = translatorFor(loadMessages(l));
  const fmt = formatters(l);
  render(<PopupView verdict={v} text={describeVerdict(v, t, languageNames(l), fmt)} t={t} fmt={fmt} />, root);
  return root;
}

describe('popup view', () => {
  it('leads with the sentence and keeps the evidence one click away', () => {
    const el = show('en', verdict);
    expect(el.querySelector('.verdict__sentence')?.textContent).toBe(
      'This Italian page is a translated copy of «Camaïeu victime d’une cyberattaque» — French original by Yohann G.',
    );
    expect(el.querySelector('[role="status"]')).not.toBeNull();
    expect(el.querySelector('.verdict__confidence')?.textContent).toBe('High confidence (0.97)');
    const details = el.querySelector('details.evidence');
    expect(details?.hasAttribute('open')).toBe(false);
    expect(details?.querySelector('summary')?.textContent).toBe('Show the evidence');
    // Distinct names and numbers, in order.
    expect([...el.querySelectorAll('.chip')].map((c) => c.textContent)).toEqual(['Camaïeu', 'Ouzzani', '7']);
    // Paragraph pairs, in page order, counted from 1.
    expect([...el.querySelectorAll('.links li')].map((li) => li.textContent)).toEqual([
      'Paragraph 1 here ↔ paragraph 1 of the original2 in common',
      'Paragraph 3 here ↔ paragraph 3 of the original2 in common',
    ]);
    expect(el.querySelector('.measures')?.textContent).toContain('How much of the original this page covers: 81%.');
    const link = el.querySelector('a.source__link');
    expect(link?.getAttribute('href')).toBe('https://q.example/fr');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(el.querySelector('.source')?.textContent).toContain('Published by Le Quotidien · 2022-06-14');
  });

  it('renders in Italian', () => {
    const el = show('it', verdict);
    expect(el.querySelector('.verdict__sentence')?.textContent).toMatch(/^Questa pagina in italiano è una copia tradotta/);
    expect(el.querySelector('summary')?.textContent).toBe('Mostra gli indizi');
    expect(el.querySelector('.measures')?.textContent).toContain('81%');
  });

  it('shows no evidence and no alert when nothing matched', () => {
    const el = show('fr', { state: 'none', url: 'https://n.example/', pageLang: 'en', checkedAt: 0 });
    expect(el.querySelector('.verdict--quiet')).not.toBeNull();
    expect(el.querySelector('details')).toBeNull();
    expect(el.querySelector('.verdict__sentence')?.textContent).toBe('Vérifiée localement : cette page en anglais ne correspond à rien de connu.');
  });

  it('escapes whatever a pack put in a title', () => {
    const el = show('en', { ...verdict, original: { ...verdict.original!, title: '<img src=x onerror=alert(1)>' } });
    expect(el.querySelector('img[onerror]')).toBeNull();
    expect(el.querySelector('.verdict__sentence')?.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});
