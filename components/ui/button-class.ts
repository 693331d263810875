const VARIANTS = {
  primary: 'bg-brand-600 text-white hover:bg-brand-700 disabled:bg-slate-300 disabled:text-slate-600',
  secondary: 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 disabled:text-slate-400',
  danger: 'bg-red-600 text-white hover:bg-red-700 disabled:bg-slate-300 disabled:text-slate-600',
  ghost: 'text-slate-700 hover:bg-slate-100',
} as const;
/** A button that reads as an inline link (no box). */
const LINK = 'inline text-left text-brand-700 hover:underline disabled:text-slate-500 disabled:cursor-not-allowed';
export type ButtonVariant = keyof typeof VARIANTS | 'link';

export function buttonClass(variant: ButtonVariant = 'primary') {
  if (variant === 'link') return LINK;
  return `inline-flex items-center justify-center gap-2 rounded-md px-3.5 py-2 text-sm font-medium transition disabled:cursor-not-allowed ${VARIANTS[variant]}`;
}
