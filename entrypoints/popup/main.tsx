/** The popup: finds its tab, asks the background for the verdict, renders it. */
import { render } from 'preact';
import { PopupView } from '@/components/PopupView';
import { sendMessage } from '@/utils/messaging';
import { describeVerdict } from '@/utils/ui/describe-verdict';
import { formatters } from '@/utils/ui/format';
import { browserTranslate as t, messagesLanguage } from '@/utils/ui/i18n';
import { languageNames } from '@/utils/ui/language-names';
import { followVerdict, popupTabId } from '@/utils/ui/popup-tab';
import type { TabVerdict } from '@/utils/verdict';

const ui = messagesLanguage(t);
const fmt = formatters(ui);
const names = languageNames(ui);
const root = document.getElementById('app')!;
document.documentElement.lang = ui;
document.title = t('extName');

function show(verdict: TabVerdict | null): void {
  render(<PopupView verdict={verdict} text={describeVerdict(verdict, t, names, fmt)} t={t} fmt={fmt} />, root);
  document.body.dataset.state = verdict?.state ?? 'unchecked';
}

void popupTabId(location.search)
  .then((tabId) => {
    if (tabId === null) return show(null);
    followVerdict(() => sendMessage('getTabVerdict', { tabId }), show);
  })
  .catch(() => show(null));
