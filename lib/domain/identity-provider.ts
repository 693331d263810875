// SSO identity-provider values (SPEC §3 templates, §5.2 Organisation settings → SSO): one
// rule for both forms, so a name the template wizard refuses can't be saved on the org.
import { z } from 'zod';

import { IDP_ENTITY_ID_MAX, IDP_NAME_MAX, IDP_NAME_PATTERN } from './identity-provider-limits';

export { IDP_ENTITY_ID_MAX, IDP_NAME_HINT, IDP_NAME_MAX, IDP_NAME_PATTERN } from './identity-provider-limits';

/** What is wrong with an (already trimmed) OIDC IdP name, or null. */
export function idpNameProblem(name: string | null | undefined): string | null {
  if (!name) return 'Enter the IdP name.';
  if (name.length > IDP_NAME_MAX) return `Use at most ${IDP_NAME_MAX} characters.`;
  if (!IDP_NAME_PATTERN.test(name)) return 'Use only letters, digits and - _ . ~ (no spaces).';
  return null;
}

/** What is wrong with an (already trimmed) SAML IdP entity ID, or null. */
export function idpEntityIdProblem(entityId: string | null | undefined): string | null {
  if (!entityId) return 'Enter the IdP entity ID.';
  if (entityId.length > IDP_ENTITY_ID_MAX) return `Use at most ${IDP_ENTITY_ID_MAX} characters.`;
  return null;
}

const checked = (problem: (v: string) => string | null) =>
  z
    .string()
    .trim()
    .superRefine((v, ctx) => {
      const message = problem(v);
      if (message) ctx.addIssue({ code: 'custom', message });
    });

/** A required OIDC IdP name field. */
export const idpNameSchema = checked(idpNameProblem);
/** A required SAML IdP entity ID field. */
export const idpEntityIdSchema = checked(idpEntityIdProblem);
