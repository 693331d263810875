import 'server-only';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import type { OrgAccess } from '@/lib/auth/access';
import { NotFoundError } from '@/lib/platform/errors';
import { getTemplate, type TemplateDetail } from '@/lib/templates/get-template';

/** The template for a page, or the 404 page (another org's template is not found either). */
export async function loadTemplate(access: OrgAccess, templateId: string): Promise<TemplateDetail> {
  try {
    return await getTemplate({ db: getDb(), access }, { templateId });
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
}
