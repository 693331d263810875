'use client';
import { HydratedForm } from '@/components/ui/hydrated-form';
import { useRouter } from 'next/navigation';
import { useState, useTransition, type ChangeEvent } from 'react';
import { useForm } from 'react-hook-form';
import { FieldError, TextField } from '@/components/ui/form-controls';
import { Button, Card } from '@/components/ui/primitives';
import { useToast } from '@/components/ui/toast';
import { lazyZodResolver } from '@/components/ui/lazy-zod-resolver';
import type { BrandingInput } from '@/lib/branding/branding-schema';
import { LOGO_MAX_BYTES } from '@/lib/branding/logo-limit';
import { AA_RATIO, THEME_SURFACES, accentContrast, isHexColour } from '@/lib/branding/contrast';

type Result = { ok: true } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

export interface BrandingActions {
  save: (orgId: string, input: BrandingInput) => Promise<Result>;
  uploadLogo: (orgId: string, input: { fileName: string; contentBase64: string }) => Promise<Result>;
  removeLogo: (orgId: string, input: Record<string, never>) => Promise<Result>;
}

const DEFAULT_ACCENT = { light: '#0a5bd6', dark: '#7cb4ff' } as const;

function ContrastNote({ theme, value }: { theme: 'light' | 'dark'; value: string }) {
  if (!isHexColour(value)) return null;
  const c = accentContrast(theme, value);
  return (
    <p className={`mt-1 text-sm ${c.passes ? 'text-green-800' : 'text-red-700'}`} data-testid={`contrast-${theme}`} aria-live="polite">
      Contrast {c.ratio}:1 — {c.passes ? 'passes WCAG AA' : `below the WCAG AA minimum of ${AA_RATIO}:1`}
    </p>
  );
}

/** A preview of the header, a button and a link in both themes, updated as you type. */
function Preview({ light, dark, logoUrl }: { light: string; dark: string; logoUrl: string | null }) {
  const themes = [
    { theme: 'light' as const, accent: isHexColour(light) ? light : DEFAULT_ACCENT.light, text: '#0f172a' },
    { theme: 'dark' as const, accent: isHexColour(dark) ? dark : DEFAULT_ACCENT.dark, text: '#e2e8f0' },
  ];
  return (
    <div className="grid gap-3 sm:grid-cols-2" data-testid="branding-preview" aria-label="Preview">
      {themes.map((t) => (
        <div
          key={t.theme}
          className="rounded-md border border-slate-200 p-4"
          style={{ background: THEME_SURFACES[t.theme], color: t.text }}
        >
          <p className="text-xs uppercase tracking-wide opacity-70">{t.theme === 'light' ? 'Light theme' : 'Dark theme'}</p>
          <div className="mt-2 flex items-center gap-2">
            {logoUrl ? (
              // eslint-disable-next-line @next/next/no-img-element
              <img src={logoUrl} alt="" className="h-8 max-w-32 object-contain" />
            ) : (
              <span className="font-semibold">Control Hub</span>
            )}
          </div>
          <p className="mt-3 text-sm">
            <span className="underline" style={{ color: t.accent }}>
              Contact support
            </span>
          </p>
          <span
            className="mt-3 inline-block rounded-md px-3 py-1.5 text-sm font-medium"
            // As the app draws primary buttons: white text on the light accent; in the dark
            // theme the text is the dark surface colour (app/globals.css).
            style={{ background: t.accent, color: t.theme === 'light' ? '#ffffff' : THEME_SURFACES.dark }}
          >
            Button
          </span>
        </div>
      ))}
    </div>
  );
}

const toBase64 = async (file: File) => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

const brandingResolver = lazyZodResolver<BrandingInput>(() => import('@/lib/branding/branding-schema').then((m) => m.brandingSchema));

export function BrandingEditor({
  orgId,
  initial,
  actions,
  readOnly,
  inheritedFrom,
}: {
  orgId: string;
  initial: { lightAccent: string; darkAccent: string; supportUrl: string; logoUrl: string | null };
  actions: BrandingActions;
  readOnly?: string | null;
  /** Whose branding applies while this org has none of its own. */
  inheritedFrom?: string | null;
}) {
  const router = useRouter();
  const toast = useToast();
  const [pending, start] = useTransition();
  const [logoError, setLogoError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    watch,
    setError,
    formState: { errors },
  } = useForm<BrandingInput>({
    resolver: brandingResolver,
    mode: 'onChange',
    defaultValues: { lightAccent: initial.lightAccent, darkAccent: initial.darkAccent, supportUrl: initial.supportUrl },
  });
  // oxlint-disable-next-line react/incompatible-library -- the live preview re-renders on every change on purpose
  const [light, dark] = [watch('lightAccent'), watch('darkAccent')];
  const disabled = !!readOnly || pending;

  const submit = handleSubmit((values) =>
    start(async () => {
      const res = await actions.save(orgId, values);
      if (res.ok) {
        toast('Branding saved.');
        router.refresh();
        return;
      }
      for (const [f, m] of Object.entries(res.fieldErrors ?? {})) setError(f as keyof BrandingInput, { message: m[0] });
      if (!res.fieldErrors) toast(res.message, 'error');
    }),
  );

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setLogoError(null);
    // The same limit the server enforces, checked first so a huge file never travels.
    if (file.size > LOGO_MAX_BYTES) {
      setLogoError('The logo must be 512 kB or smaller.');
      return;
    }
    start(async () => {
      const res = await actions.uploadLogo(orgId, { fileName: file.name, contentBase64: await toBase64(file) });
      if (res.ok) {
        toast('Logo uploaded.');
        router.refresh();
      } else setLogoError(res.fieldErrors?.logo?.[0] ?? res.fieldErrors?.contentBase64?.[0] ?? res.message);
    });
  };

  return (
    <div className="grid gap-6">
      {readOnly && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="branding-read-only">
          {readOnly}
        </p>
      )}
      {inheritedFrom && <p className="text-sm text-slate-600">Until you set your own, the branding of {inheritedFrom} applies.</p>}
      <Card title="Logo">
        <div className="flex flex-wrap items-center gap-4">
          {initial.logoUrl ? (
            // eslint-disable-next-line @next/next/no-img-element
            <img
              src={initial.logoUrl}
              alt="Current logo"
              className="h-12 max-w-48 rounded border border-slate-200 object-contain p-1"
              data-testid="current-logo"
            />
          ) : (
            <p className="text-sm text-slate-600">No logo: the Partner Hub logo is shown.</p>
          )}
          {!readOnly && (
            <>
              <label className="inline-flex cursor-pointer items-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50 focus-within:outline-2 focus-within:outline-brand-600">
                {pending ? 'Uploading…' : 'Upload logo'}
                <input
                  type="file"
                  accept="image/png,image/jpeg"
                  className="sr-only"
                  onChange={onFile}
                  disabled={disabled}
                  aria-describedby="logo-hint logo-error"
                  data-testid="logo-input"
                />
              </label>
              {initial.logoUrl && (
                <Button
                  variant="secondary"
                  disabled={disabled}
                  onClick={() =>
                    start(async () => {
                      const res = await actions.removeLogo(orgId, {});
                      if (res.ok) {
                        toast('Logo removed.');
                        router.refresh();
                      } else toast(res.message, 'error');
                    })
                  }
                >
                  Remove logo
                </Button>
              )}
            </>
          )}
        </div>
        <p id="logo-hint" className="mt-2 text-sm text-slate-600">
          PNG or JPEG, at most 512 kB. SVG is not accepted. The image is re-encoded on upload.
        </p>
        <div role="alert">
          <FieldError id="logo" message={logoError ?? undefined} />
        </div>
      </Card>
      <Card title="Colours and support">
        <HydratedForm onSubmit={submit} noValidate className="grid gap-4">
          <fieldset disabled={!!readOnly} className="grid gap-4 sm:grid-cols-2">
            <div>
              <TextField
                id="lightAccent"
                label="Accent colour, light theme"
                placeholder={DEFAULT_ACCENT.light}
                {...register('lightAccent')}
                error={errors.lightAccent?.message}
                hint="A #rrggbb colour; white text on it needs 4.5:1 contrast."
              />
              <ContrastNote theme="light" value={light} />
            </div>
            <div>
              <TextField
                id="darkAccent"
                label="Accent colour, dark theme"
                placeholder={DEFAULT_ACCENT.dark}
                {...register('darkAccent')}
                error={errors.darkAccent?.message}
                hint="A #rrggbb colour; needs 4.5:1 contrast on the dark background."
              />
              <ContrastNote theme="dark" value={dark} />
            </div>
            <div className="sm:col-span-2">
              <TextField
                id="supportUrl"
                label="Support URL"
                placeholder="https://support.example.com"
                {...register('supportUrl')}
                error={errors.supportUrl?.message}
                hint={'Customers see it as "Contact support". An https:// or mailto: link.'}
              />
            </div>
          </fieldset>
          <Preview light={light} dark={dark} logoUrl={initial.logoUrl} />
          {!readOnly && (
            <div>
              <Button type="submit" disabled={disabled}>
                {pending ? 'Saving…' : 'Save branding'}
              </Button>
            </div>
          )}
        </HydratedForm>
      </Card>
    </div>
  );
}
