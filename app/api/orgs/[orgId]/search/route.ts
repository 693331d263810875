// The command bar's search in Partner Hub (Ctrl/⌘+K). Session-authenticated, read only.
import { commandBarOps } from '@/lib/command-bar/command-bar-operations';
import { sessionRoute } from '@/lib/server/session-route';

const { partner } = commandBarOps;

export const dynamic = 'force-dynamic';

export const GET = sessionRoute(partner.capability, partner.schema, partner.handler);
