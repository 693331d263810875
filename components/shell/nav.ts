// The navigation is decided in lib/ (the command bar's server-side search lists the same pages).
export { CUSTOMER_VIEW_SECTIONS, customerNav, partnerNav, type NavItem } from '@/lib/navigation/org-nav';
