import { SCOPES } from '../../../common/index.js';
import type { AuthorizationRequest } from '../authorization-request.js';
import type { GrantableCompany, ResourceOwnerProfile } from '../resource-owner-directory.js';
import { hiddenParams } from './hidden-params.js';
import { markup, type SafeHtml } from './html.js';
import { layout } from './layout.js';

export interface ConsentPageInput {
  request: AuthorizationRequest;
  person: ResourceOwnerProfile;
  csrfToken: string;
  message?: string;
}

const formatOrganizationNumber = (number: string) => number.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3');

function companyChoice(company: GrantableCompany): SafeHtml {
  const details = `Org. no. ${formatOrganizationNumber(company.organizationNumber)} · your role: ${company.role}`;
  return markup`<label class="company"><input type="checkbox" name="company" value="${company.id}">
<span>${company.name}<small>${details}</small></span></label>`;
}

function companyChoices(companies: GrantableCompany[]): SafeHtml {
  if (companies.length === 0) {
    return markup`<p class="alert" role="alert">You are not a member of any company, so there is nothing to grant.</p>`;
  }
  return markup`<fieldset>
<legend>In these companies (choose at least one)</legend>
${companies.map(companyChoice)}
</fieldset>`;
}

export function consentPage({ request, person, csrfToken, message }: ConsentPageInput): string {
  const clientName = request.client.name;
  const scopes = request.scopes.map((scope) => markup`<li>${SCOPES[scope]} <code>${scope}</code></li>`);
  const approve = markup`<button type="submit" name="decision" value="approve">Allow access</button>`;
  return layout(
    `Allow ${clientName}?`,
    markup`<h1>${clientName} wants access to your accounting</h1>
<p class="muted">Signed in as ${person.name} (${person.email}).</p>
${message ? markup`<p class="alert" role="alert">${message}</p>` : ''}
<form method="post" action="/oauth/consent">
${hiddenParams(request.params)}
<input type="hidden" name="csrf_token" value="${csrfToken}">
<h2>It will be able to</h2>
<ul class="scopes">${scopes}</ul>
${companyChoices(person.companies)}
<p class="muted">In each company it can never do more than your role there allows.
Afterwards you go back to ${new URL(request.redirectUri).origin}.</p>
<div class="actions">
${person.companies.length > 0 ? approve : ''}
<button type="submit" class="secondary" name="decision" value="deny">Deny</button>
</div>
</form>`,
  );
}
