/**
 * A pack imported the way a fact-checker imports one: the options page, its file input,
 * its progress bar, its outcome notice. Times the import from the file being chosen to
 * the outcome shown, records every value the progress bar took (with when), and how long
 * the page then takes to list the originals again.
 */
import { cpuByType, cpuSince } from './cpu';
import type { BenchBrowser } from './launch';

export interface OptionsImport {
  /** File chosen → outcome shown. */
  seconds: number;
  /** Of which reading and checking the file (before the first record is written). */
  checkSeconds: number;
  writeSeconds: number;
  /** Distinct values the progress bar showed while writing. */
  progressValues: number;
  /** [seconds since the file was chosen, done, total] for each value. */
  progress: Array<[number, number, number]>;
  outcome: string;
  /** CPU seconds by process type (browser, renderer…) from the file chosen to the outcome shown (a little after: polled). */
  cpuSeconds: Record<string, number>;
  /** Outcome shown → the originals list rendered again (null: not within the wait). */
  listSeconds: number | null;
}

export async function importThroughOptionsPage(b: BenchBrowser, file: string, originals: number, log: (m: string) => void, listWaitMs = 120_000): Promise<OptionsImport> {
  const page = await b.context.newPage();
  try {
    await page.goto(`chrome-extension://${b.extensionId}/options.html`);
    await page.waitForSelector('#originals');
    await page.evaluate(() => {
      const w = globalThis as unknown as { importLog: { start: number; progress: Array<[number, number, number, string]>; outcome: number; text: string } };
      w.importLog = { start: 0, progress: [], outcome: 0, text: '' };
      const input = document.querySelector('#pack-files')!;
      input.addEventListener('change', () => (w.importLog.start = performance.now()), { capture: true });
      new MutationObserver(() => {
        const bar = document.querySelector<HTMLProgressElement>('#packs progress');
        if (bar) {
          const entry: [number, number, number, string] = [performance.now(), bar.hasAttribute('value') ? bar.value : -1, bar.max, bar.closest('.progress')?.textContent ?? ''];
          const last = w.importLog.progress.at(-1);
          if (!last || last[1] !== entry[1] || last[3] !== entry[3]) w.importLog.progress.push(entry);
        }
        const done = document.querySelector('#packs .notice, #packs .errors');
        if (done && !w.importLog.outcome) {
          w.importLog.outcome = performance.now();
          w.importLog.text = done.textContent ?? '';
        }
      }).observe(document.querySelector('#packs')!, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    const cpu0 = cpuByType(b.userDataDir);
    await page.setInputFiles('#pack-files', file);
    await page.waitForFunction(() => (globalThis as unknown as { importLog: { outcome: number } }).importLog.outcome > 0, null, { timeout: 600_000, polling: 250 });
    const cpuSeconds = cpuSince(cpu0, cpuByType(b.userDataDir));
    const shownAt = Date.now();
    const r = await page.evaluate(() => (globalThis as unknown as { importLog: { start: number; progress: Array<[number, number, number, string]>; outcome: number; text: string } }).importLog);
    if (!/Imported/.test(r.text)) throw new Error(`the import failed: ${r.text.slice(0, 500)}`);
    const writing = r.progress.filter(([, v]) => v >= 0);
    const firstWrite = writing[0]?.[0] ?? r.outcome;
    let listSeconds: number | null = null;
    try {
      // The page lists the originals again after an import ("N of N originals").
      await page.waitForFunction(
        (n) => {
          const text = document.querySelector('#originals [role=status]')?.textContent ?? '';
          return Math.max(0, ...(text.replace(/[\s,.\u00a0\u202f]/g, '').match(/\d+/g) ?? []).map(Number)) >= n;
        },
        originals,
        { timeout: listWaitMs, polling: 250 },
      );
      listSeconds = (Date.now() - shownAt) / 1000;
    } catch {
      log(`  the options page had not listed the originals ${listWaitMs / 1000} s after the import`);
    }
    return {
      seconds: (r.outcome - r.start) / 1000,
      checkSeconds: (firstWrite - r.start) / 1000,
      writeSeconds: (r.outcome - firstWrite) / 1000,
      progressValues: new Set(writing.map(([, v]) => v)).size,
      progress: writing.map(([t, v, max]) => [Math.round((t - r.start) / 10) / 100, v, max]),
      outcome: r.text.trim(),
      cpuSeconds,
      listSeconds,
    };
  } finally {
    await page.close();
  }
}
