import { Query, Resolver } from '@nestjs/graphql';
import { Public } from '../common/index.js';
import { HealthModel } from './graphql/health.model.js';
import { HealthService } from './health.service.js';

@Resolver(() => HealthModel)
export class HealthResolver {
  constructor(private readonly healthService: HealthService) {}

  @Query(() => HealthModel, {
    description: 'Readiness of the server; fails with SERVICE_UNAVAILABLE when not ready.',
  })
  @Public()
  health(): Promise<HealthModel> {
    return this.healthService.getReadiness();
  }
}
