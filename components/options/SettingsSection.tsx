import { SENSITIVITIES, type Sensitivity, type Settings } from '@/utils/store/settings';
import type { Translate } from '@/utils/ui/i18n';
import { ClearData } from './ClearData';
import { SkipHosts } from './SkipHosts';

export interface SettingsSectionProps {
  settings: Settings | null;
  onSave: (settings: Settings) => void;
  onClear: () => Promise<boolean>;
  t: Translate;
}

const SENSITIVITY_KEYS: Record<Sensitivity, string> = { strict: 'sensitivityStrict', normal: 'sensitivityNormal', sensitive: 'sensitivitySensitive' };

/** Sensitivity, the sites never checked, and clearing the data. Changes apply at once. */
export function SettingsSection({ settings, onSave, onClear, t }: SettingsSectionProps) {
  return (
    <section id="settings" class="section" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('settingsHeading')}</h2>
      {settings === null ? (
        <p class="muted">{t('loading')}</p>
      ) : (
        <>
          <fieldset class="group">
            <legend>{t('sensitivityLegend')}</legend>
            {SENSITIVITIES.map((s) => (
              <label key={s} class="choice">
                <input
                  type="radio"
                  name="sensitivity"
                  value={s}
                  checked={settings.sensitivity === s}
                  onChange={() => onSave({ ...settings, sensitivity: s })}
                />
                <span>{t(SENSITIVITY_KEYS[s])}</span>
              </label>
            ))}
          </fieldset>
          <SkipHosts hosts={settings.skipHosts} onChange={(skipHosts) => onSave({ ...settings, skipHosts })} t={t} />
        </>
      )}
      <ClearData onClear={onClear} t={t} />
    </section>
  );
}
