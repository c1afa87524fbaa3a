/** The popup's workflow controls and the options page's pieces, rendered (linkedom) in English. */
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PopupWorkflow } from '@/components/PopupWorkflow';
import { HistorySection } from '@/components/options/HistorySection';
import { OriginalItem } from '@/components/options/OriginalItem';
import { PacksSection } from '@/components/options/PacksSection';
import type { ActionResult, OriginalEntry } from '@/utils/management';
import type { HistoryRecord } from '@/utils/store/schema';
import { dateFormatters } from '@/utils/ui/dates';
import { formatters } from '@/utils/ui/format';
import { languageNames } from '@/utils/ui/language-names';
import type { PopupActions } from '@/utils/ui/popup-actions';
import type { TabVerdict } from '@/utils/verdict';
import { loadMessages, translatorFor } from '../helpers/messages';

const t = translatorFor(loadMessages('en'));
const HOSTILE = '<img src=x onerror="alert(1)"><b>Title</b>';

let root: HTMLElement;
let win: Window;
beforeEach(() => {
  const { document, window } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
  (globalThis as { document?: unknown }).document = document;
  win = window as unknown as Window;
  root = document.getElementById('app') as unknown as HTMLElement;
});

const tick = () => act(async () => undefined);
async function click(el: Element | null | undefined) {
  expect(el, 'element to click').toBeTruthy();
  await act(async () => {
    el!.dispatchEvent(new (win as unknown as { Event: typeof Event }).Event('click', { bubbles: true }));
  });
}
async function type(el: Element | null | undefined, value: string) {
  await act(async () => {
    (el as HTMLInputElement).value = value;
    el!.dispatchEvent(new (win as unknown as { Event: typeof Event }).Event('input', { bubbles: true }));
  });
}
/** linkedom does not submit a form when its submit button is clicked: the browser would. */
async function submit() {
  await act(async () => {
    root.querySelector('form')!.dispatchEvent(new (win as unknown as { Event: typeof Event }).Event('submit', { bubbles: true, cancelable: true }));
  });
}
const buttons = () => [...root.querySelectorAll('button')].map((b) => b.textContent);
const button = (text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === text);

const original = { id: 'o1', title: HOSTILE, lang: 'fr', author: 'Y. G.', publisher: null, url: 'https://q.example/fr', date: null };
const flagged: TabVerdict = { state: 'translation', url: 'https://c.example/it', pageLang: 'it', checkedAt: 0, score: 0.9, basis: 'content', original };

function actions(over: Partial<PopupActions> = {}): PopupActions {
  const ok: ActionResult = { ok: true };
  return {
    siteStatus: vi.fn(async () => ({ host: 'c.example', paused: false })),
    setPaused: vi.fn(async (paused: boolean) => ({ host: 'c.example', paused })),
    loadDraft: vi.fn(async () => ({ ok: true as const, draft: { title: HOSTILE, author: 'Y. G.', publisher: 'Le Q', url: 'https://c.example/it', date: '2022-06-14', lang: 'fr' } })),
    register: vi.fn(async () => ok),
    decide: vi.fn(async () => ok),
    ...over,
  };
}

function popup(verdict: TabVerdict | null, a: PopupActions, onChanged = vi.fn(), paused = false) {
  render(
    <PopupWorkflow verdict={verdict} site={{ host: 'c.example', paused }} actions={a} onChanged={onChanged} onPause={vi.fn()} onOpenOptions={vi.fn()} t={t} />,
    root,
  );
  return onChanged;
}

describe('popup workflow', () => {
  it('on a flagged page: confirm (with the note) or dismiss; never a register button', async () => {
    const a = actions();
    const changed = popup(flagged, a);
    expect(buttons()).toEqual(['Confirmed translation', 'Not a copy', 'Pause on c.example', 'Originals, history and settings']);
    await type(root.querySelector('#decision-note'), 'no credit');
    await click(button('Confirmed translation'));
    expect(a.decide).toHaveBeenCalledWith('o1', 'confirmed', 'no credit');
    expect(changed).toHaveBeenCalled();
    await click(button('Not a copy'));
    expect(a.decide).toHaveBeenLastCalledWith('o1', 'dismissed', 'no credit');
  });

  it('says why a decision failed, and stays', async () => {
    const changed = popup(flagged, actions({ decide: vi.fn(async () => ({ ok: false as const, error: 'stale' as const })) }));
    await click(button('Not a copy'));
    expect(root.querySelector('[role="alert"]')?.textContent).toBe(t('errorStale'));
    expect(changed).not.toHaveBeenCalled();
  });

  it('on a confirmed copy: the note and undo; on a dismissed page: the original named, and undo', async () => {
    const a = actions();
    popup({ ...flagged, basis: 'address', confirmed: true, note: 'machine translation' }, a);
    expect(root.querySelector('.decision__note')?.textContent).toBe('Note: machine translation');
    await click(button('Undo this decision'));
    expect(a.decide).toHaveBeenCalledWith('o1', 'undecided', null);

    popup({ state: 'none', url: 'https://c.example/it', pageLang: 'it', checkedAt: 0, dismissed: [original] }, a);
    expect(root.querySelector('.dismissed__item span')?.textContent).toBe(`You marked this page as not a copy of «${HOSTILE}».`);
    expect(root.querySelector('img')).toBeNull(); // the title stays text
    await click(button('Undo'));
    expect(a.decide).toHaveBeenLastCalledWith('o1', 'undecided');
  });

  it('on an unflagged page: register, with the form pre-filled and checked before sending', async () => {
    const a = actions();
    const changed = popup({ state: 'none', url: 'https://c.example/it', pageLang: 'fr', checkedAt: 0 }, a);
    await click(button('Register this page as an original'));
    await tick();
    const title = root.querySelector('#register-title') as HTMLInputElement;
    expect(title.value).toBe(HOSTILE);
    expect(root.querySelector('img')).toBeNull();
    expect((root.querySelector('#register-date') as HTMLInputElement).value).toBe('2022-06-14');
    // Every input has its label.
    for (const input of root.querySelectorAll('.meta-form input')) expect(root.querySelector(`label[for="${input.id}"]`), input.id).not.toBeNull();

    await type(root.querySelector('#register-url'), 'javascript:alert(1)');
    expect(button('Register original')?.getAttribute('type')).toBe('submit');
    await submit();
    expect(a.register).not.toHaveBeenCalled();
    expect(root.querySelector('#register-url-problem')?.textContent).toBe(t('problemUrl'));
    expect(root.querySelector('#register-url')?.getAttribute('aria-invalid')).toBe('true');

    await type(root.querySelector('#register-url'), 'https://c.example/it');
    await submit();
    expect(a.register).toHaveBeenCalledWith({ title: HOSTILE, author: 'Y. G.', publisher: 'Le Q', url: 'https://c.example/it', date: '2022-06-14', lang: 'fr' });
    expect(changed).toHaveBeenCalled();
  });

  it('offers no register button on a known original, on a paused site, nor while checking', () => {
    popup({ ...flagged, state: 'original' }, actions());
    expect(buttons()).not.toContain('Register this page as an original');
    popup({ state: 'none', url: 'https://c.example/', pageLang: null, checkedAt: 0 }, actions(), vi.fn(), true);
    expect(buttons()).toEqual(['Check c.example again', 'Originals, history and settings']);
    expect(root.querySelector('.site-controls__paused')?.textContent).toBe('Paused: pages on c.example are not checked.');
  });
});

describe('options pieces', () => {
  const dates = dateFormatters('en');
  const names = languageNames('en');

  it('an original: its facts as text, a link only for an http(s) address', () => {
    const entry: OriginalEntry = {
      ...original, url: 'javascript:alert(1)', addedAt: Date.UTC(2024, 4, 2), date: '2022-06-14',
      translations: [
        { url: 'https://c.example/it', lang: 'it', seen: '2024-05-02', note: '<script>x</script>' },
        { url: 'data:text/html,x', lang: null, seen: '2024-05-03', note: null },
      ],
    };
    render(<OriginalItem original={entry} index={0} onSave={vi.fn()} onDelete={vi.fn()} t={t} dates={dates} names={names} />, root);
    expect(root.querySelector('h3')?.textContent).toBe(HOSTILE);
    expect(root.querySelector('.original__facts')?.textContent).toBe('Y. G. · French · Jun 14, 2022 · added May 2, 2024');
    const hrefs = [...root.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['https://c.example/it']);
    expect(root.querySelector('script')).toBeNull();
    expect(root.querySelector('.translations__note')?.textContent).toBe('<script>x</script>');
    expect(root.querySelector('summary')?.textContent).toBe('Known translations: 2');
  });

  it('the history: one row per flagged page with its decision', () => {
    const history: HistoryRecord[] = [
      { url: 'https://c.example/it', lang: 'it', originalId: 'o1', originalTitle: HOSTILE, score: 0.934, flaggedAt: Date.UTC(2024, 4, 2, 9), decision: 'confirmed', decidedAt: 1 },
      { url: 'https://d.example/de', lang: null, originalId: 'o1', originalTitle: 'T', score: null, flaggedAt: Date.UTC(2024, 4, 1), decision: null, decidedAt: null },
    ];
    render(<HistorySection history={history} onExport={vi.fn()} t={t} fmt={formatters('en')} dates={dates} names={names} />, root);
    const rows = [...root.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent));
    expect(rows.map((r) => [r[0], r[1], r[2], r[3], r[5]])).toEqual([
      ['https://c.example/it', 'Italian', HOSTILE, '0.93', 'Confirmed copy'],
      ['https://d.example/de', '', 'T', '', 'Undecided'],
    ]);
  });

  it('the import progress: a labelled bar with counts, and a status read out every tenth of the way', () => {
    const fmt = formatters('en');
    const props = { onExport: vi.fn(), onImport: vi.fn(), outcome: null, t, fmt };
    render(<PacksSection {...props} progress={{ phase: 'checking', done: 0, total: 1 }} />, root);
    const bar = () => root.querySelector('progress')!;
    const status = () => root.querySelector('[role=status]')!;
    expect(bar().getAttribute('aria-label')).toBe('Import progress');
    expect(bar().hasAttribute('value')).toBe(false); // indeterminate while reading and checking
    expect(status().textContent).toBe('Checking every record…');
    expect(status().getAttribute('aria-live')).toBe('polite');
    expect(bar().getAttribute('aria-describedby')).toBe(status().id);
    expect(root.querySelector('input[type=file]')?.hasAttribute('disabled')).toBe(true);

    render(<PacksSection {...props} progress={{ phase: 'writing', done: 4_321, total: 10_000 }} />, root);
    expect(bar().getAttribute('value')).toBe('4321');
    expect(bar().getAttribute('max')).toBe('10000');
    expect(root.querySelector('.progress .num')?.textContent).toBe('4,321 of 10,000 records (43%)');
    expect(root.querySelector('.progress .num')?.getAttribute('aria-hidden')).toBe('true');
    expect(status().textContent).toBe('Importing… 40% done');
    render(<PacksSection {...props} progress={{ phase: 'writing', done: 4_999, total: 10_000 }} />, root);
    expect(status().textContent).toBe('Importing… 40% done'); // unchanged: nothing new read out
    render(<PacksSection {...props} progress={{ phase: 'writing', done: 10_000, total: 10_000 }} />, root);
    expect(status().textContent).toBe('Importing… 100% done');

    render(<PacksSection {...props} progress={null} outcome={{ ok: true, originals: 3, translations: 1, dismissals: 0 }} />, root);
    expect(root.querySelector('progress')).toBeNull();
    expect(root.querySelector('.notice')?.textContent).toBe('Imported 3 originals, 1 translations and 0 decisions.');
  });
});
