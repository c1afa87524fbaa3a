/**
 * The pages the demo and the e2e tests serve: the two seed articles dressed as news
 * pages of two different sites, and real saved pages from Readability's test suite.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { FRENCH_SITE, ITALIAN_SITE, newsPageHtml, readSeed } from './news-page';
import { readabilityPagesDir, seedFile } from './paths';
import type { Route } from './static-server';

export const FRENCH_PATH = '/fr/securite/camaieu-victime-dune-cyberattaque';
export const ITALIAN_PATH = '/it/sicurezza/camaieu-vittima-di-un-attacco-informatico';

export function seedRoutes(): Map<string, Route> {
  return new Map<string, Route>([
    [FRENCH_PATH, { html: newsPageHtml(readSeed(seedFile('000_')), FRENCH_SITE) }],
    [ITALIAN_PATH, { html: newsPageHtml(readSeed(seedFile('001_')), ITALIAN_SITE) }],
  ]);
}

/** Path under which a saved Readability page is served. */
export const savedPagePath = (name: string) => `/saved/${name}/`;

export function savedPageRoute(name: string): [string, Route] {
  const file = path.join(readabilityPagesDir(), name, 'source.html');
  if (!existsSync(file)) throw new Error(`no saved page ${file}`);
  return [savedPagePath(name), { file, type: 'text/html' }];
}

/**
 * Real articles from real publishers (not the suite's synthetic test pages), in eight
 * languages and four scripts. None is a translation of a known original.
 */
export const REAL_ARTICLES = [
  'aclu', 'aktualne', 'ars-1', 'bbc-1', 'blogger', 'breitbart', 'buzzfeed-1', 'citylab-1', 'cnet', 'cnn',
  'engadget', 'folha', 'gmw', 'guardian-1', 'heise', 'herald-sun-1', 'la-nacion', 'lemonde-1', 'liberation-1',
  'lwn-1', 'medium-1', 'mozilla-1', 'nytimes-1', 'nytimes-2', 'qq', 'salon-1', 'seattletimes-1', 'telegraph',
  'theverge', 'wapo-1', 'wikipedia', 'yahoo-1',
];

/** Where the e2e tests serve the Italian copy inside a large site (read away from the page). */
export const LARGE_ITALIAN_PATH = '/grande/camaieu-attacco-informatico';

/**
 * A page made large: `links` navigation links before its content, as a big portal's menus
 * make it. Past the extractor's element bound (utils/content/read-page.ts HANDOFF_ELEMENTS)
 * the page is handed to the background and read there.
 */
export function enlarged(html: string, links = 3000): string {
  const nav = Array.from({ length: links }, (_, i) => `<li><a href="/sezione/${i}">Sezione ${i}</a></li>`).join('');
  return html.replace(/<body([^>]*)>/, `<body$1><nav class="portal-menu"><ul>${nav}</ul></nav>`);
}
