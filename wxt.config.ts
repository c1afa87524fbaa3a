import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/**
 * Extension pages (popup, background, options) load only the extension's own files and
 * talk to nothing: no remote code, no eval, no network (connect-src 'self' only reaches
 * the bundled pack), no plugins, no framing. `wxt dev` keeps WXT's own policy, which its
 * hot reload needs.
 */
export const EXTENSION_PAGES_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // MV3 for Firefox too: one background model (event page / service worker) and the
  // `scripting` API everywhere.
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser, command }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    icons: { 16: '/icon/16.png', 32: '/icon/32.png', 48: '/icon/48.png', 128: '/icon/128.png' },
    // storage: IndexedDB quota and storage.session; scripting: inject the extractor into
    // pages the content script found to be articles. Chrome does not let the content
    // script's matches stand in for host access to `scripting`, so the same http(s)
    // reach is declared as host permissions (no wider than the content script's).
    // unlimitedStorage: a large pack must not fail on the default quota. activeTab: the
    // toolbar click checks one tab in "check only when I click" mode, or when the reader
    // has withheld the all-sites access. Each is justified in docs/permissions.md.
    // offscreen (Chrome, Edge): a large page's HTML is parsed in an offscreen document of
    // the extension, away from the page (Firefox's background page has a DOM of its own).
    permissions: ['storage', 'unlimitedStorage', 'scripting', 'activeTab', ...(browser === 'firefox' ? [] : ['offscreen'])],
    host_permissions: ['http://*/*', 'https://*/*'],
    ...(command === 'build' ? { content_security_policy: { extension_pages: EXTENSION_PAGES_CSP } } : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'provenance-lens@provenance-lens.org',
              // data_collection_permissions is read from Firefox 140 (Android 142).
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
