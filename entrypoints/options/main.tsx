/** The options page: wires the page's API (messages, the database) into the view. */
import { render } from 'preact';
import { OptionsApp } from '@/components/options/OptionsApp';
import { openDatabase, type Db } from '@/utils/store/db';
import { dateFormatters } from '@/utils/ui/dates';
import { formatters } from '@/utils/ui/format';
import { browserTranslate as t, messagesLanguage } from '@/utils/ui/i18n';
import { languageNames } from '@/utils/ui/language-names';
import { optionsApi } from '@/utils/ui/options-api';

const ui = messagesLanguage(t);
document.documentElement.lang = ui;
document.title = t('optionsTitle');

let db: Promise<Db> | null = null;
const database = () => (db ??= openDatabase().catch((e) => ((db = null), Promise.reject(e))));

render(
  <OptionsApp api={optionsApi(database)} locale={ui} t={t} fmt={formatters(ui)} dates={dateFormatters(ui)} names={languageNames(ui)} />,
  document.getElementById('app')!,
);
