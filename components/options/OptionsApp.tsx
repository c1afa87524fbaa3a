import { useEffect, useState } from 'preact/hooks';
import type { OriginalEntry } from '@/utils/management';
import type { OriginalMeta } from '@/utils/original-meta';
import type { HistoryRecord } from '@/utils/store/schema';
import type { Settings } from '@/utils/store/settings';
import { errorKey } from '@/utils/ui/action-text';
import type { DateFormatters } from '@/utils/ui/dates';
import type { Formatters } from '@/utils/ui/format';
import { exportName, historyCsv, historyJson } from '@/utils/ui/history-export';
import type { Translate } from '@/utils/ui/i18n';
import type { ImportOutcome, ImportProgress } from '@/utils/ui/import-files';
import type { LanguageName } from '@/utils/ui/language-names';
import type { OptionsApi } from '@/utils/ui/options-api';
import { HistorySection } from './HistorySection';
import { Notice } from './Notice';
import { OriginalsSection } from './OriginalsSection';
import { PacksSection } from './PacksSection';
import { SettingsSection } from './SettingsSection';

export interface OptionsAppProps {
  api: OptionsApi;
  locale: string;
  t: Translate;
  fmt: Formatters;
  dates: DateFormatters;
  names: LanguageName;
}

interface NoticeState {
  text: string;
  undo?: () => void;
}

/** The options page: originals, history, settings, packs — one calm page, sections linked from the top. */
export function OptionsApp({ api, locale, t, fmt, dates, names }: OptionsAppProps) {
  const [originals, setOriginals] = useState<OriginalEntry[] | null>(null);
  const [history, setHistory] = useState<HistoryRecord[] | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);

  const failed = () => setNotice({ text: t('errorFailed') });
  const reload = () =>
    Promise.all([api.listOriginals().then(setOriginals), api.listHistory().then(setHistory), api.getSettings().then(setSettings)]).catch(failed);
  useEffect(() => {
    void reload();
  }, []);

  const save = async (id: string, meta: OriginalMeta) => {
    const r = await api.updateOriginal(id, meta);
    if (r.ok) {
      setNotice({ text: t('saved') });
      await reload();
    }
    return r;
  };

  const remove = async (o: OriginalEntry) => {
    const r = await api.deleteOriginal(o.id);
    if (!r.ok) return setNotice({ text: t(errorKey(r.error)) });
    await reload();
    setNotice({
      text: t('deleted', o.title),
      undo: async () => {
        const ok = await api.restore(r.undo).catch(() => false);
        setNotice({ text: ok ? t('restored') : t('errorFailed') });
        await reload();
      },
    });
  };

  const saveSettings = async (next: Settings) => {
    setSettings(next);
    try {
      setSettings(await api.saveSettings(next));
      setNotice({ text: t('saved') });
    } catch {
      failed();
    }
  };

  const clear = async () => {
    const r = await api.clearData();
    setNotice({ text: r.ok ? t('cleared') : t(errorKey(r.error)) });
    setOutcome(null);
    await reload();
    return r.ok;
  };

  const exportHistory = (format: 'csv' | 'json') => {
    if (!history) return;
    if (format === 'csv') api.download(exportName('history', 'csv'), 'text/csv;charset=utf-8', historyCsv(history));
    else api.download(exportName('history', 'json'), 'application/json', historyJson(history));
  };

  const exportPack = async () => {
    try {
      api.download(exportName('pack', 'json'), 'application/json', await api.exportPack());
      setNotice({ text: t('exported') });
    } catch {
      failed();
    }
  };

  const importPacks = async (files: File[]) => {
    setOutcome(null);
    setProgress({ phase: 'reading', done: 0, total: files.length });
    try {
      setOutcome(await api.importFiles(files, setProgress));
    } catch (e) {
      setOutcome({ ok: false, errors: [{ file: '', where: 'pack', message: e instanceof Error ? e.message : String(e) }] });
    } finally {
      setProgress(null);
      await reload();
    }
  };

  return (
    <div class="options">
      <header class="options__header">
        <img src="/icon/32.png" width={24} height={24} alt="" />
        <h1>{t('optionsTitle')}</h1>
      </header>
      <nav class="options__nav" aria-label={t('navLabel')}>
        <a href="#originals">{t('originalsHeading')}</a>
        <a href="#history">{t('historyHeading')}</a>
        <a href="#settings">{t('settingsHeading')}</a>
        <a href="#packs">{t('packsHeading')}</a>
      </nav>
      <main>
        <OriginalsSection originals={originals} onSave={save} onDelete={remove} locale={locale} t={t} fmt={fmt} dates={dates} names={names} />
        <HistorySection history={history} onExport={exportHistory} t={t} fmt={fmt} dates={dates} names={names} />
        <SettingsSection settings={settings} onSave={saveSettings} onClear={clear} t={t} />
        <PacksSection onExport={exportPack} onImport={importPacks} progress={progress} outcome={outcome} t={t} fmt={fmt} />
      </main>
      {notice && <Notice text={notice.text} onUndo={notice.undo} onClose={() => setNotice(null)} t={t} />}
    </div>
  );
}
