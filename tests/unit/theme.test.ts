// The theme cookie is client-written: the server must render only a known theme from it.
import { describe, expect, it } from 'vitest';
import { parseTheme } from '@/components/ui/theme';

describe('parseTheme', () => {
  it('keeps a known choice', () => {
    expect(parseTheme('dark')).toBe('dark');
    expect(parseTheme('light')).toBe('light');
    expect(parseTheme('system')).toBe('system');
  });
  it('follows the system without a cookie or with a tampered one', () => {
    expect(parseTheme(undefined)).toBe('system');
    expect(parseTheme('')).toBe('system');
    expect(parseTheme('" onload="alert(1)')).toBe('system');
    expect(parseTheme('Dark')).toBe('system');
  });
});
