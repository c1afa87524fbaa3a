import type { SiteStatus } from '@/utils/management';
import type { Translate } from '@/utils/ui/i18n';
import type { PopupActions } from '@/utils/ui/popup-actions';
import type { TabVerdict } from '@/utils/verdict';
import { CopyDecision } from './CopyDecision';
import { DismissedNote } from './DismissedNote';
import { RegisterOriginal } from './RegisterOriginal';
import { SiteControls } from './SiteControls';

export interface PopupWorkflowProps {
  verdict: TabVerdict | null;
  site: SiteStatus;
  actions: PopupActions;
  /** Something changed in the background: fetch the verdict (and site status) again. */
  onChanged: () => void;
  onPause: (paused: boolean) => void;
  onOpenOptions: () => void;
  t: Translate;
}

/**
 * The fact-checker's controls under the verdict: confirm or dismiss a flagged page, undo
 * a dismissal, register a page as an original (any page not known already), pause the site.
 */
export function PopupWorkflow({ verdict, site, actions, onChanged, onPause, onOpenOptions, t }: PopupWorkflowProps) {
  const state = verdict?.state;
  const flagged = state === 'translation' && verdict?.original ? (verdict as TabVerdict & { original: NonNullable<TabVerdict['original']> }) : null;
  const canRegister = !!site.host && !site.paused && (state === undefined || state === 'none' || state === 'no-article');
  return (
    <>
      {flagged && <CopyDecision key={`${flagged.url}|${flagged.original.id}|${flagged.confirmed}`} verdict={flagged} decide={actions.decide} onDecided={onChanged} t={t} />}
      {!!verdict?.dismissed?.length && <DismissedNote dismissed={verdict.dismissed} decide={actions.decide} onDecided={onChanged} t={t} />}
      {canRegister && <RegisterOriginal loadDraft={actions.loadDraft} register={actions.register} onRegistered={onChanged} t={t} />}
      <SiteControls site={site} onPause={onPause} onOpenOptions={onOpenOptions} t={t} />
    </>
  );
}
