import { LOCALE_NAMES } from '@/lib/domain/locale-names';
import { LOCALES } from '@/lib/domain/locales';

/** Every supported locale as a select's options, by its English name ("English (United States)"), never the raw code. */
export function LocaleOptions() {
  return LOCALES.map((l) => (
    <option key={l} value={l}>
      {LOCALE_NAMES[l]}
    </option>
  ));
}
