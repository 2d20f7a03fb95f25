import { existsSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { Logger } from '../common/index.js';
import type { AppConfig } from '../config/index.js';
import { SignUpService } from '../identity/index.js';

export interface DemoCredentials {
  companyId: string;
  email: string;
  password: string;
  clientId: string;
  clientSecret: string;
}

/**
 * On the embedded database only (a developer's machine): makes a demo company on first start
 * and keeps its credentials in a file beside the data (mode 0600), so a newcomer can get a
 * token at once. The secret is written to that file, never to the log.
 */
export async function ensureDemoCompany(
  app: INestApplication,
  config: AppConfig,
  logger: Logger,
): Promise<void> {
  const file = path.join(
    path.dirname(path.resolve(config.database.embedded.dataDir)),
    'demo-credentials.json',
  );
  if (!existsSync(file)) {
    const password = randomBytes(12).toString('base64url');
    const result = await app.get(SignUpService).signUp({
      email: `demo-${randomBytes(4).toString('hex')}@hovedbok.local`,
      password,
      name: 'Demo User',
      company: { organizationNumber: '974760673', name: 'Demo AS', environment: 'test' },
    });
    const credentials: DemoCredentials = {
      companyId: result.companyId,
      email: result.user.email,
      password,
      clientId: result.apiClient.client.clientId,
      clientSecret: result.apiClient.clientSecret!,
    };
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
    await chmod(file, 0o600);
  }
  const relative = path.relative(process.cwd(), file);
  logger.info(
    { credentialsFile: relative },
    `Demo company ready (sandbox). Get a token: curl -u "$(jq -r '.clientId + ":" + .clientSecret' ${relative})" ` +
      `-d grant_type=client_credentials ${config.http.publicBaseUrl}/oauth/token`,
  );
}
