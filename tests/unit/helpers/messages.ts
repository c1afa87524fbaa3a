/**
 * `i18n.getMessage` as the browsers implement it, over the real messages files, so the
 * popup's sentences can be tested in every shipped locale: named placeholders ($TITLE$)
 * take their `content`, in which $1…$9 are the substitutions; "$$" is a dollar sign.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Translate } from '@/utils/ui/i18n';

interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
export type Messages = Record<string, MessageEntry>;

export const LOCALES = ['en', 'fr', 'it'] as const;

export function loadMessages(locale: string): Messages {
  const file = path.resolve(import.meta.dirname, '../../../public/_locales', locale, 'messages.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Messages;
}

export function translatorFor(messages: Messages): Translate {
  return (key, ...subs) => {
    const entry = messages[key];
    if (!entry) return '';
    const fill = (content: string) => content.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
    const placeholders = Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([k, val]) => [k.toLowerCase(), val.content]));
    return entry.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$/g, (m, name?: string) => {
      if (m === '$$') return '$';
      const content = placeholders[name!.toLowerCase()];
      return content === undefined ? m : fill(content);
    });
  };
}
