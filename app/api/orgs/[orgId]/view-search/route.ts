// The command bar's search in a customer's view (Ctrl/⌘+K). Session-authenticated, read only.
import { commandBarOps } from '@/lib/command-bar/command-bar-operations';
import { sessionRoute } from '@/lib/server/session-route';

const { customerView } = commandBarOps;

export const dynamic = 'force-dynamic';

export const GET = sessionRoute(customerView.capability, customerView.schema, customerView.handler);
