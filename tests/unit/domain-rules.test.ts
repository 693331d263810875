import { describe, expect, it } from 'vitest';
import { creationPackage, PACKAGE_INFO } from '@/lib/domain/packages';
import { meetingsLocale, resolveLocale } from '@/lib/domain/locales';
import { dialInCode } from '@/lib/domain/countries';

describe('package ranks (SPEC §2)', () => {
  it('orders packages for "no downgrade of admins"', () => {
    const r = (p: keyof typeof PACKAGE_INFO) => PACKAGE_INFO[p].rank;
    expect(r('common_area_calling')).toBeLessThan(r('webex_voice'));
    expect(r('webex_voice')).toBe(r('webex_meetings'));
    expect(r('webex_meetings')).toBeLessThan(r('webex_calling'));
    expect(r('webex_calling')).toBeLessThan(r('webex_suite'));
    expect(r('webex_suite')).toBe(r('cx_essentials'));
  });
  it('the creation package is the highest-ranked chosen', () => {
    expect(creationPackage(['webex_meetings', 'webex_calling', 'common_area_calling'])).toBe('webex_calling');
    expect(creationPackage([])).toBeNull();
  });
});

describe('locales (SPEC §7.4)', () => {
  it('keeps a supported locale', () => expect(resolveLocale('fr_CA', 'US')).toBe('fr_CA'));
  it("completes a language with the org's country when supported", () => {
    expect(resolveLocale('en', 'GB')).toBe('en_GB');
    expect(resolveLocale('es', 'MX')).toBe('es_MX');
  });
  it('else with the language default', () => {
    expect(resolveLocale('en', 'FI')).toBe('en_US');
    expect(resolveLocale('pt', 'US')).toBe('pt_PT');
    expect(resolveLocale('zh', null)).toBe('zh_CN');
    expect(resolveLocale('de', 'US')).toBe('de_DE');
  });
  it('refuses unsupported input', () => {
    expect(resolveLocale('xx', 'US')).toBeNull();
    expect(resolveLocale('english')).toBeNull();
  });
  it('meetings sites fall back to English for unsupported locales', () => {
    expect(meetingsLocale('pt_BR')).toBe('en_US');
    expect(meetingsLocale('de_DE')).toBe('de_DE');
  });
  it('dial-in code follows the region', () => {
    expect(dialInCode('US')).toBe('+1');
    expect(dialInCode('DE')).toBe('+49');
    expect(dialInCode('GB')).toBe('+44');
    expect(dialInCode('AU')).toBe('+61');
    expect(dialInCode('SG')).toBe('+65');
  });
});
