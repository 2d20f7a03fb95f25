import { InsufficientScopeError, type Scope } from '../common/index.js';

/**
 * A key may never do more than whoever made it: asking for a scope the caller lacks in this
 * company is a 403 naming that scope, like calling an operation that needs it.
 */
export class ScopeBeyondCreatorError extends InsufficientScopeError {
  constructor(scope: Scope) {
    super(scope);
    this.message =
      `An API key cannot be given the scope ${scope}: the credentials creating it do not have it ` +
      'in this company. A key never has more rights than its creator.';
  }
}
