/** The popup: finds its tab, asks the background for the verdict, renders it. */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupView } from '@/components/PopupView';
import { PopupWorkflow } from '@/components/PopupWorkflow';
import type { SiteStatus } from '@/utils/management';
import { sendMessage } from '@/utils/messaging';
import { getCheckMode, hasAllSitesAccess, setCheckMode, type CheckMode } from '@/utils/check-mode';
import { describeVerdict } from '@/utils/ui/describe-verdict';
import { formatters } from '@/utils/ui/format';
import { browserTranslate as t, messagesLanguage } from '@/utils/ui/i18n';
import { languageNames } from '@/utils/ui/language-names';
import { popupActions, type PopupActions } from '@/utils/ui/popup-actions';
import { followVerdict, popupTabId } from '@/utils/ui/popup-tab';
import type { TabVerdict } from '@/utils/verdict';

/** The background did not answer (stopped, updating, broken): say so rather than show "not checked". */
const unreachable = (): TabVerdict => ({ state: 'error', problem: 'unreachable', url: location.href, pageLang: null, checkedAt: Date.now() });
const checking = (): TabVerdict => ({ state: 'checking', url: location.href, pageLang: null, checkedAt: Date.now() });

const ui = messagesLanguage(t);
const fmt = formatters(ui);
const names = languageNames(ui);
const root = document.getElementById('app')!;
document.documentElement.lang = ui;
document.title = t('extName');

let mode: CheckMode = 'auto';
let shown: TabVerdict | null = null;
/** The register / confirm / pause controls, once the tab is known. */
let workflow: { actions: PopupActions; site: SiteStatus; refresh: () => void } | null = null;

function show(verdict: TabVerdict | null): void {
  shown = verdict;
  const controls = workflow && verdict?.state !== 'checking' && (
    <PopupWorkflow
      verdict={verdict}
      site={workflow.site}
      actions={workflow.actions}
      onChanged={workflow.refresh}
      onPause={(paused) => void workflow?.actions.setPaused(paused).then(workflow.refresh, workflow.refresh)}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      t={t}
    />
  );
  render(
    <PopupView verdict={verdict} text={describeVerdict(verdict, t, names, fmt)} t={t} fmt={fmt} mode={mode} onMode={changeMode}>
      {controls}
    </PopupView>,
    root,
  );
  document.body.dataset.state = verdict?.state ?? 'unchecked';
}

function changeMode(next: CheckMode): void {
  mode = next;
  void setCheckMode(next).catch(() => undefined);
  show(shown);
}

async function start(tabId: number | null): Promise<void> {
  mode = await getCheckMode();
  if (tabId === null) return show(null);
  const fetchVerdict = () => sendMessage('getTabVerdict', { tabId }).catch(unreachable);
  // Nothing checks this tab on its own ("check only when I click", or the reader withheld
  // the extension's access to all sites): opening the popup is the request to check it.
  if ((mode === 'click' || !(await hasAllSitesAccess())) && (await fetchVerdict()) === null) {
    show(checking());
    await sendMessage('checkTab', { tabId }).catch(() => null);
  }
  const actions = popupActions(tabId);
  let stop = () => {};
  const refresh = () => {
    stop();
    void actions.siteStatus().then((site) => {
      workflow = { actions, site, refresh };
      stop = followVerdict(fetchVerdict, show);
    });
  };
  refresh();
}

void popupTabId(location.search)
  .then(start)
  .catch(() => show(null));
