import type { Translate } from '@/utils/ui/i18n';

export interface NoticeProps {
  text: string;
  /** When given, an Undo button (e.g. after a deletion). */
  onUndo?: () => void;
  onClose: () => void;
  t: Translate;
}

/** A short message at the foot of the page, announced, with an optional Undo. */
export function Notice({ text, onUndo, onClose, t }: NoticeProps) {
  return (
    <div class="toast" role="status">
      <span>{text}</span>
      {onUndo && (
        <button type="button" class="button" onClick={onUndo}>
          {t('undoButton')}
        </button>
      )}
      <button type="button" class="button button--quiet" onClick={onClose} aria-label={t('close')}>
        ×
      </button>
    </div>
  );
}
