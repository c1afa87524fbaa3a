/**
 * Readability's article content (a DOM subtree) → the article's paragraphs as plain text.
 *
 * Every block element (p, li, h2, blockquote, pre, td…) closes the paragraph before it and
 * opens a new one, so headings stay paragraphs of their own and a list item never merges
 * with the text around it. Inline markup (a, em, span…) only contributes its text. Script,
 * style and other non-text elements are skipped entirely: their content is never prose.
 * The walk is iterative (a hostile page can nest 100,000 deep) and stops at the caps.
 */
import { cleanText } from './text';

export interface ParagraphLimits {
  /** Paragraphs kept at most. */
  maxParagraphs: number;
  /** Characters kept at most, over all paragraphs. */
  maxChars: number;
}

export const DEFAULT_PARAGRAPH_LIMITS: ParagraphLimits = { maxParagraphs: 2_000, maxChars: 200_000 };

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'dialog',
  'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** Elements whose text is code, styling or UI, never the article's prose. */
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed',
  'canvas', 'button', 'select', 'textarea', 'input', 'audio', 'video', 'head', 'title',
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_NODE = 4;

/** A marker pushed on the walk stack: "the block element that opened here has ended". */
const END_BLOCK = Symbol('end-block');

function nameOf(el: Element): string {
  return String(el.localName ?? el.tagName ?? '').toLowerCase();
}

export function paragraphsOf(root: Node, limits: ParagraphLimits = DEFAULT_PARAGRAPH_LIMITS): string[] {
  const out: string[] = [];
  let total = 0;
  let buffer: string[] = [];
  let bufferLen = 0;
  const full = () => out.length >= limits.maxParagraphs || total >= limits.maxChars;

  const flush = () => {
    if (!buffer.length) return;
    const text = cleanText(buffer.join(''));
    buffer = [];
    bufferLen = 0;
    if (!text || full()) return;
    const kept = text.slice(0, limits.maxChars - total);
    out.push(kept);
    total += kept.length;
  };

  // Children are pushed in reverse so they pop in document order.
  const stack: Array<Node | typeof END_BLOCK> = [root];
  while (stack.length && !full()) {
    const node = stack.pop()!;
    if (node === END_BLOCK) {
      flush();
      continue;
    }
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_NODE) {
      const value = node.nodeValue ?? '';
      // One paragraph cannot outgrow the whole budget; the rest of it is dropped.
      if (bufferLen < limits.maxChars) {
        buffer.push(value);
        bufferLen += value.length;
      }
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE && node !== root) continue;
    const el = node as Element;
    const name = node.nodeType === ELEMENT_NODE ? nameOf(el) : '';
    if (SKIP.has(name)) continue;
    if (node.nodeType === ELEMENT_NODE && el.hasAttribute?.('hidden')) continue;
    if (name === 'br') {
      buffer.push(' ');
      continue;
    }
    const block = BLOCK.has(name);
    if (block) {
      flush();
      stack.push(END_BLOCK);
    }
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  flush();
  return out;
}
