import { cookies } from 'next/headers';
import { parseTheme, THEME_COOKIE } from '@/components/ui/theme';
import { ThemeSwitch } from './theme-switch';

/** The theme switch, starting from the preference the request carries. */
export async function ThemeMenu() {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return <ThemeSwitch initial={theme} />;
}
