export type { Contact } from '../../../shared/contacts.js';
export { contactKeys } from './api/contact-keys.js';
export { contactSearchQueryOptions, useContactSearch } from './api/search-contacts.js';
export { contactSearchFilter } from './api/contact-search-filter.js';
export { portalAccountQueryOptions, usePortalAccount } from './api/get-portal-account.js';
export { createPortalAccount, useCreatePortalAccount } from './api/create-portal-account.js';
export { setPortalEnabled } from './api/set-portal-enabled.js';
export { usePortalAccountStatus } from './api/use-portal-account-status.js';
export type { PortalAccountStatus } from './api/use-portal-account-status.js';
export { PortalAccountBadge } from './components/portal-account-badge.js';
export { CreatePortalAccountButton } from './components/create-portal-account-button.js';
export {
  contactEmailsQueryOptions,
  fetchContactEmails,
  useContactEmails,
} from './api/fetch-contact-emails.js';
