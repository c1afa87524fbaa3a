/**
 * What the options page does, behind one interface its components are given (tests give
 * them a fake). Management goes to the background as messages, which it validates; pack
 * files are read and written here, on the extension's own database, since a pack may be
 * far larger than a message can carry (utils/ui/import-files.ts).
 */
import type { ActionResult, DeleteResult, OriginalEntry } from '@/utils/management';
import { sendMessage } from '@/utils/messaging';
import type { OriginalMeta } from '@/utils/original-meta';
import { serialisePack } from '@/utils/pack/build';
import type { Pack } from '@/utils/pack/schema';
import type { Db } from '@/utils/store/db';
import { exportPack, importPack } from '@/utils/store/packs';
import type { HistoryRecord } from '@/utils/store/schema';
import type { Settings } from '@/utils/store/settings';
import { downloadText } from './download';
import { importFiles, type ImportFile, type ImportOutcome, type ImportProgress } from './import-files';

export interface OptionsApi {
  listOriginals(): Promise<OriginalEntry[]>;
  updateOriginal(id: string, meta: OriginalMeta): Promise<ActionResult>;
  deleteOriginal(id: string): Promise<DeleteResult>;
  /** Puts back what a deletion removed. */
  restore(pack: Pack): Promise<boolean>;
  listHistory(): Promise<HistoryRecord[]>;
  getSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<Settings>;
  clearData(): Promise<ActionResult>;
  /** The whole store as pack file text. */
  exportPack(): Promise<string>;
  importFiles(files: ImportFile[], onProgress: (p: ImportProgress) => void): Promise<ImportOutcome>;
  download(name: string, type: string, text: string): void;
}

const failed = { ok: false as const, error: 'failed' as const };

/** Open tabs are judged again after the store changed here; a failure only delays that. */
const storeChanged = () => sendMessage('storeChanged').catch(() => undefined);

export function optionsApi(db: () => Promise<Db>): OptionsApi {
  return {
    listOriginals: () => sendMessage('listOriginals'),
    updateOriginal: (id, meta) => sendMessage('updateOriginal', { id, meta }).catch(() => failed),
    deleteOriginal: (id) => sendMessage('deleteOriginal', { id }).catch(() => failed),
    restore: async (pack) => {
      const ok = (await importPack(await db(), pack)).ok;
      if (ok) await storeChanged();
      return ok;
    },
    listHistory: () => sendMessage('listHistory'),
    getSettings: () => sendMessage('getSettings'),
    saveSettings: (settings) => sendMessage('saveSettings', settings),
    clearData: () => sendMessage('clearData').catch(() => failed),
    exportPack: async () => serialisePack(await exportPack(await db())),
    importFiles: async (files, onProgress) => {
      const outcome = await importFiles(await db(), files, onProgress);
      if (outcome.ok) await storeChanged();
      return outcome;
    },
    download: (name, type, text) => downloadText(name, type, text),
  };
}
