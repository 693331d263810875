// WCAG 2.x contrast (pure: the Branding form's live check and the server use the same code).
const HEX = /^#[0-9a-f]{6}$/i;

export const isHexColour = (v: string) => HEX.test(v);

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Contrast ratio between two #rrggbb colours, 1–21. */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)];
  const [hi, lo] = [Math.max(la, lb), Math.min(la, lb)];
  return (hi + 0.05) / (lo + 0.05);
}

/** WCAG AA for normal text. */
export const AA_RATIO = 4.5;

/**
 * What each accent is checked against: the light accent carries white button text and is
 * link text on white; the dark accent is text and outlines on the dark surface.
 */
export const THEME_SURFACES = { light: '#ffffff', dark: '#0f172a' } as const;

export function accentContrast(theme: keyof typeof THEME_SURFACES, accent: string) {
  const ratio = isHexColour(accent) ? contrastRatio(accent, THEME_SURFACES[theme]) : 0;
  return { ratio: Math.round(ratio * 100) / 100, passes: ratio >= AA_RATIO };
}
