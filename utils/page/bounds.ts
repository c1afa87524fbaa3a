/**
 * How big and how deep a page is, measured in one pass before any real work. Readability
 * scores every node and walks ancestors, so its cost grows with both; pages past these
 * bounds are not articles anyone reads (the deepest of Readability's 130 real test pages
 * nests 38 levels; browsers' HTML parsers stop nesting at 512).
 */

/** More elements than this and the page is not parsed. */
export const MAX_ELEMENTS = 60_000;
/** Nesting deeper than this and the page is not parsed. */
export const MAX_DEPTH = 250;
/** A page handed over as HTML (utils/content/read-page.ts `handOff`) is not read past this size (about 30 long encyclopedia articles). */
export const MAX_HANDOFF_CHARS = 32_000_000;

export interface PageShape {
  elements: number;
  depth: number;
}

/**
 * Elements come in document order, so each one's parent has been seen before it: depth
 * is one map lookup per element, linear even for a page nested 100,000 deep.
 */
export function pageShape(doc: Document): PageShape {
  const all = doc.querySelectorAll('*');
  if (all.length > MAX_ELEMENTS) return { elements: all.length, depth: 0 };
  const depth = new Map<Element, number>();
  let max = 0;
  for (let i = 0; i < all.length; i++) {
    const el = all[i];
    const parent = el.parentElement;
    const d = (parent ? depth.get(parent) ?? 0 : 0) + 1;
    depth.set(el, d);
    if (d > max) max = d;
  }
  return { elements: all.length, depth: max };
}

export function withinBounds(doc: Document): boolean {
  const shape = pageShape(doc);
  return shape.elements <= MAX_ELEMENTS && shape.depth <= MAX_DEPTH;
}
