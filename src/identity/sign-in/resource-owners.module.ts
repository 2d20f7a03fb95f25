import { Global, Module } from '@nestjs/common';
import { ResourceOwnerDirectory } from '../../oauth/index.js';
import { PasswordSignInService } from './password-sign-in.service.js';
import { IdentityResourceOwnerDirectory } from './resource-owner-directory.service.js';

/**
 * Provides the OAuth context's ResourceOwnerDirectory port. Global, because the OAuth module
 * cannot import the identity module back (identity imports OAuth for sign-up).
 */
@Global()
@Module({
  providers: [
    PasswordSignInService,
    IdentityResourceOwnerDirectory,
    { provide: ResourceOwnerDirectory, useExisting: IdentityResourceOwnerDirectory },
  ],
  exports: [ResourceOwnerDirectory],
})
export class ResourceOwnersModule {}
