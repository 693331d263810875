'use server';
// Thin doors to the template services: the wrapper authorises (templates.write),
// re-validates with the same zod schema as the wizard and runs the service in one transaction.
import { orgAction } from '@/lib/server/org-action';
import { createTemplate } from '@/lib/templates/create-template';
import { deleteTemplate } from '@/lib/templates/delete-template';
import { precheckTemplateName } from '@/lib/templates/precheck-template-name';
import { deleteTemplateSchema, templateNameCheckSchema, templateSchema, updateTemplateSchema } from '@/lib/templates/template-schema';
import { updateTemplate } from '@/lib/templates/update-template';

export const createTemplateAction = orgAction('templates.write', templateSchema, createTemplate);
export const updateTemplateAction = orgAction('templates.write', updateTemplateSchema, updateTemplate);
/** The wizard's name check on the Primary settings step's Next (nothing is written). */
export const precheckTemplateNameAction = orgAction('templates.write', templateNameCheckSchema, precheckTemplateName);
export const deleteTemplateAction = orgAction('templates.write', deleteTemplateSchema, deleteTemplate);
