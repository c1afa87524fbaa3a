/**
 * The extension at work, end to end, in a real Chromium:
 *
 *   npm run demo [-- --json out.json] [-- --open]
 *
 * Builds the extension if needed, serves three pages on 127.0.0.1 (the French seed
 * article, its Italian translated copy — each on a news site of its own — and an
 * unrelated real article), opens each with the extension loaded, waits for its verdict
 * and prints one line per page. Saves the popup of the Italian page to docs/popup.png.
 * With --json FILE, also writes the verdicts as JSON. With --open (and a DISPLAY), the
 * browser stays open until Ctrl+C.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FRENCH_PATH, ITALIAN_PATH, savedPagePath, savedPageRoute, seedRoutes } from './harness/demo-pages';
import { launchWithExtension } from './harness/extension-browser';
import { chromeExtensionDir, repoRoot } from './harness/paths';
import { serve } from './harness/static-server';

const UNRELATED = 'guardian-1';

interface DemoRow {
  url: string;
  pageLang: string | null;
  verdict: 'translation' | 'original' | 'none';
  original: { title: string; lang: string | null } | null;
  score: number | null;
}

function args(argv: string[]) {
  const json = argv.indexOf('--json');
  if (json >= 0 && !argv[json + 1]) throw new Error('--json needs a file name');
  return { json: json >= 0 ? path.resolve(argv[json + 1]) : null, open: argv.includes('--open') };
}

/** Builds when there is no build, or when a source file is newer than it. */
function ensureBuilt(): string {
  const dir = chromeExtensionDir();
  const manifest = path.join(dir, 'manifest.json');
  const newest = (p: string): number => {
    const s = statSync(p);
    if (!s.isDirectory()) return s.mtimeMs;
    let m = s.mtimeMs;
    for (const f of readdirSync(p)) m = Math.max(m, newest(path.join(p, f)));
    return m;
  };
  const sources = ['entrypoints', 'components', 'utils', 'public', 'wxt.config.ts'].map((p) => path.join(repoRoot, p)).filter(existsSync);
  const stale = !existsSync(manifest) || sources.some((p) => newest(p) > statSync(manifest).mtimeMs);
  if (stale) {
    console.log('Building the extension…');
    execFileSync('npx', ['wxt', 'build'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return dir;
}

async function main() {
  const opts = args(process.argv.slice(2));
  const extensionDir = ensureBuilt();
  const routes = seedRoutes();
  routes.set(...savedPageRoute(UNRELATED));
  const server = await serve(routes);
  const browser = await launchWithExtension({ extensionDir, headed: opts.open && !!process.env.DISPLAY });
  const rows: DemoRow[] = [];
  try {
    for (const p of [FRENCH_PATH, ITALIAN_PATH, savedPagePath(UNRELATED)]) {
      const url = server.url(p);
      const { tabId } = await browser.open(url);
      const v = await browser.verdict(tabId);
      const verdict = v?.state === 'translation' || v?.state === 'original' ? v.state : 'none';
      const row: DemoRow = {
        url,
        pageLang: v?.pageLang ?? null,
        verdict,
        original: verdict !== 'none' && v?.original ? { title: v.original.title, lang: v.original.lang } : null,
        score: v?.score !== undefined && verdict !== 'none' ? Math.round(v.score * 1000) / 1000 : null,
      };
      rows.push(row);
      const badge = await browser.badgeText(tabId);
      const what = row.original ? `${verdict} of «${row.original.title}» (${row.original.lang ?? '?'})` : verdict;
      console.log(`${url}  lang=${row.pageLang ?? '?'}  ${what}${row.score !== null ? `  score=${row.score}` : ''}  badge=${JSON.stringify(badge)}`);
      if (p === ITALIAN_PATH) {
        const popup = await browser.openPopup(tabId);
        const shot = path.join(repoRoot, 'docs', 'popup.png');
        mkdirSync(path.dirname(shot), { recursive: true });
        // Evidence open, so the screenshot shows what "one click away" holds.
        await popup.locator('details.evidence summary').click().catch(() => undefined);
        await popup.waitForFunction(() => document.querySelector('details.evidence')?.hasAttribute('open') ?? true);
        await popup.setViewportSize({ width: 420, height: 1400 });
        await popup.locator('main.popup').screenshot({ path: shot });
        console.log(`  popup: ${(await popup.locator('.verdict__sentence').textContent())?.trim()}`);
        console.log(`  saved ${path.relative(process.cwd(), shot)}`);
        await popup.close();
      }
    }
    if (opts.json) {
      writeFileSync(opts.json, `${JSON.stringify(rows, null, 2)}\n`);
      console.log(`wrote ${opts.json}`);
    }
    const ok = rows[0]?.verdict === 'original' && rows[1]?.verdict === 'translation' && rows[2]?.verdict === 'none';
    if (!ok) process.exitCode = 1;
    if (opts.open && process.env.DISPLAY) {
      console.log('Browser left open; Ctrl+C to quit.');
      await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
