/**
 * Every OAuth scope, with the words the consent page shows a person. Scopes are
 * `<resource>:read|write`; approving and reopening periods are scopes of their own.
 */
export const SCOPES = {
  'company:read': "See the company's details",
  'company:write': "Change the company's details",
  'accounts:read': 'See the chart of accounts',
  'accounts:write': 'Create, change and deactivate accounts',
  'dimensions:read': 'See departments, projects and other dimensions',
  'dimensions:write': 'Create and change departments, projects and other dimensions',
  'vouchers:read': 'See vouchers, their postings and attachments',
  'vouchers:write': 'Create, book and reverse vouchers',
  'ledger:read': 'See postings, balances and reports',
  'periods:write': 'Close and lock accounting periods',
  'periods:reopen': 'Reopen closed or locked accounting periods',
  'customers:read': 'See customers and their sub-ledger',
  'customers:write': 'Create and change customers',
  'suppliers:read': 'See suppliers and their sub-ledger',
  'suppliers:write': 'Create and change suppliers',
  'products:read': 'See products',
  'products:write': 'Create and change products',
  'sales_invoices:read': 'See sales invoices and credit notes',
  'sales_invoices:write': 'Create and send sales invoices and credit notes',
  'supplier_invoices:read': 'See supplier invoices',
  'supplier_invoices:write': 'Register and book supplier invoices',
  'approvals:write': 'Approve or reject supplier invoices and expense claims',
  'bank:read': 'See bank accounts, statements and reconciliations',
  'bank:write': 'Import statements, reconcile and create payments',
  'inbox:read': 'See documents in the inbox',
  'inbox:write': 'Upload documents to the inbox and code them',
  'expenses:read': 'See expense claims',
  'expenses:write': 'Create and submit expense claims',
  'vat:read': 'See VAT codes and VAT returns',
  'vat:write': 'Prepare and submit VAT returns',
  'events:read': "See the company's event feed (only events about what the app may read)",
  'webhooks:read': 'See webhook subscriptions and deliveries',
  'webhooks:write': 'Create and change webhook subscriptions',
  'audit:read': 'See the audit log',
  'api_clients:read': 'See the API clients registered for the company',
  'api_clients:write': 'Register and revoke API clients',
  'api_keys:read': "See the company's API keys (never their secrets)",
  'api_keys:write': 'Create and revoke API keys',
  'members:read': 'See the people in the company and their roles',
  'members:write': 'Add people to the company, change their roles and remove them',
} as const satisfies Record<string, string>;

export type Scope = keyof typeof SCOPES;
export const ALL_SCOPES = Object.keys(SCOPES) as Scope[];

export function isScope(value: string): value is Scope {
  return Object.hasOwn(SCOPES, value);
}
