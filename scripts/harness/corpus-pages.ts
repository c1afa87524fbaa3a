/**
 * News pages built from the parallel corpus (shared/corpus/dev), for the fact-checker's
 * workflow: one article in French (the original, on a French site) and its English and
 * German translations (each on a site of its own). Built at run time from the shared data,
 * so no article text is copied into the repository. None of them is in the default pack.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { newsPageHtml, type SeedArticle, type SiteStyle } from './news-page';
import { sharedDir } from './paths';
import type { Route } from './static-server';

/** A French article (origlang fr) whose translations the engine flags with high confidence. */
export const WORKFLOW_ARTICLE = 'wmt:newstest2011:ledevoir-2010-12-02-52384';

export const WORKFLOW_PATHS = {
  fr: '/fr/politique/contrats-sans-appels-d-offres',
  en: '/en/politics/contracts-without-tenders',
  de: '/de/politik/auftraege-ohne-ausschreibung',
} as const;
export type WorkflowLang = keyof typeof WORKFLOW_PATHS;

const site = (lang: string, siteName: string, published: string, bylinePrefix: string): SiteStyle => ({
  lang,
  siteName,
  sections: ['Politics', 'Economy', 'World'],
  bylinePrefix,
  relatedHeading: '—',
  relatedLinks: ['…'],
  footer: `© ${siteName}`,
  published,
});

export const WORKFLOW_SITES: Record<WorkflowLang, SiteStyle> = {
  fr: site('fr', 'Le Courrier du Soir', '2010-12-02', 'Par'),
  en: site('en', 'Daily Wire Digest', '2010-12-04', 'By'),
  de: site('de', 'Abendblatt Online', '2010-12-05', 'Von'),
};

/** The byline of the French page: the register form must pick it up. */
export const WORKFLOW_AUTHOR = 'Marie Tremblay';

interface CorpusArticle {
  id: string;
  title: string | null;
  paragraphs: string[];
}

export function corpusArticle(lang: string, id: string): CorpusArticle {
  const file = path.join(sharedDir(), 'corpus', 'dev', `${lang}.jsonl`);
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.includes(id)) continue;
    const a = JSON.parse(line) as CorpusArticle;
    if (a.id === id) return a;
  }
  throw new Error(`no article ${id} in ${file}`);
}

export function corpusPageHtml(lang: WorkflowLang, id = WORKFLOW_ARTICLE): string {
  const a = corpusArticle(lang, id);
  const article: SeedArticle = {
    slug: id,
    title: a.title ?? id,
    blocks: a.paragraphs.map((text) => ({ kind: 'p' as const, text })),
    // Only the original is signed: copies often drop the byline.
    byline: lang === 'fr' ? WORKFLOW_AUTHOR : null,
  };
  const published = WORKFLOW_SITES[lang].published;
  // Where news sites state their date for machines (Readability reads it from here).
  return newsPageHtml(article, WORKFLOW_SITES[lang]).replace(
    '</head>',
    `  <meta property="article:published_time" content="${published}T08:00:00Z">\n</head>`,
  );
}

export function workflowRoutes(): Map<string, Route> {
  return new Map((Object.keys(WORKFLOW_PATHS) as WorkflowLang[]).map((l) => [WORKFLOW_PATHS[l], { html: corpusPageHtml(l) }]));
}
