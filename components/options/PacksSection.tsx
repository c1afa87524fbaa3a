import type { Formatters } from '@/utils/ui/format';
import type { ImportOutcome, ImportProgress } from '@/utils/ui/import-files';
import type { Translate } from '@/utils/ui/i18n';

export interface PacksSectionProps {
  onExport: () => void;
  onImport: (files: File[]) => void;
  /** While an import runs. */
  progress: ImportProgress | null;
  outcome: ImportOutcome | null;
  t: Translate;
  fmt: Formatters;
}

const PHASE_KEYS = { reading: 'importReading', checking: 'importChecking', writing: 'importWriting' } as const;

/**
 * Export everything to a pack; import pack files (all or nothing), with progress and
 * every error. While writing, the bar shows every batch and the counts beside it; the
 * status line (a polite live region) changes only every tenth of the way, so a screen
 * reader is told the progress without being flooded.
 */
export function PacksSection({ onExport, onImport, progress, outcome, t, fmt }: PacksSectionProps) {
  const writing = progress?.phase === 'writing' && progress.total > 0;
  /** Share of the records written (0 to 1). */
  const share = writing ? Math.min(1, progress.done / progress.total) : 0;
  return (
    <section id="packs" class="section" aria-labelledby="packs-heading">
      <h2 id="packs-heading">{t('packsHeading')}</h2>
      <p class="muted">{t('packsExplain')}</p>
      <div class="actions">
        <button type="button" class="button" onClick={onExport} disabled={!!progress}>
          {t('exportPack')}
        </button>
      </div>
      <div class="field">
        <label for="pack-files">{t('importLabel')}</label>
        <input
          id="pack-files"
          type="file"
          accept=".json,application/json"
          multiple
          disabled={!!progress}
          aria-describedby="pack-files-hint"
          onChange={(e) => {
            const files = [...(e.currentTarget.files ?? [])];
            e.currentTarget.value = ''; // the same file can be chosen again after a fix
            if (files.length) onImport(files);
          }}
        />
        <p id="pack-files-hint" class="muted">
          {t('importHint')}
        </p>
      </div>
      {progress && (
        <div class="progress">
          <progress
            id="import-progress"
            aria-label={t('importProgress')}
            aria-describedby="import-status"
            max={writing ? progress.total : undefined}
            value={writing ? progress.done : undefined}
          />
          {writing && (
            <span class="num" aria-hidden="true">
              {t('importCounts', fmt.count(progress.done), fmt.count(progress.total), fmt.percent(share))}
            </span>
          )}
          {/* Read out when it changes: the phase, and while writing every tenth of the way. */}
          <span id="import-status" role="status" aria-live="polite">
            {writing ? t('importWritingPercent', fmt.percent(Math.floor(share * 10) / 10)) : t(PHASE_KEYS[progress.phase])}
          </span>
        </div>
      )}
      {outcome?.ok && (
        <p class="notice" role="status">
          {t('importDone', fmt.count(outcome.originals), fmt.count(outcome.translations), fmt.count(outcome.dismissals))}
        </p>
      )}
      {outcome && !outcome.ok && (
        <div class="errors" role="alert">
          <p>{t('importFailed')}</p>
          <ul>
            {outcome.errors.map((e, i) => (
              <li key={i}>{t('importFileError', e.file, e.where, e.message)}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
