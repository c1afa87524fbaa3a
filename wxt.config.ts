import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // MV3 for Firefox too: one background model (event page / service worker) and the
  // `scripting` API everywhere.
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    icons: { 16: '/icon/16.png', 32: '/icon/32.png', 48: '/icon/48.png', 128: '/icon/128.png' },
    // storage: IndexedDB quota and storage.session; scripting: inject the extractor into
    // pages the content script found to be articles. Chrome does not let the content
    // script's matches stand in for host access to `scripting`, so the same http(s)
    // reach is declared as host permissions (no wider than the content script's).
    permissions: ['storage', 'unlimitedStorage', 'scripting'],
    host_permissions: ['http://*/*', 'https://*/*'],
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
