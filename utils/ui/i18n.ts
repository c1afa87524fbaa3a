/**
 * UI strings come from public/_locales/<lang>/messages.json through `i18n.getMessage`.
 * Components receive a `Translate` function, so they render the same under tests (fed
 * from the same messages files) as in the browser.
 */
import { browser } from 'wxt/browser';

export type Translate = (key: string, ...substitutions: string[]) => string;

/** The browser's translator; a missing key shows as the key (visible, not blank). */
export function browserTranslate(key: string, ...substitutions: string[]): string {
  try {
    return browser.i18n.getMessage(key as never, substitutions) || key;
  } catch {
    return key;
  }
}

/**
 * The language the popup's messages are in, for language names and number formats.
 * Not simply the browser's UI language: with a UI language the extension has no
 * messages for, the browser falls back to English messages, and the language names
 * must be English too ("This Italian page", not "This Italienisch page").
 */
export function messagesLanguage(t: Translate = browserTranslate): string {
  const tag = t('messagesLocale');
  return /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(tag) ? tag : 'en';
}
