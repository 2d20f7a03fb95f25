import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  requestLoader,
  RequireScope,
  Tenant,
  type GraphqlContext,
  type TenantContext,
} from '../../common/index.js';
import type { DimensionValue } from './dimension-value.entity.js';
import { toDimensionResponse, toDimensionValueResponse } from './dimension.mapper.js';
import { DimensionsService } from './dimensions.service.js';
import {
  CreateDimensionArgs,
  CreateDimensionValueArgs,
  UpdateDimensionArgs,
  UpdateDimensionValueArgs,
} from './graphql/dimension.input.js';
import { DimensionModel, DimensionValueModel } from './graphql/dimension.model.js';

@Resolver(() => DimensionModel)
export class DimensionsResolver {
  constructor(private readonly dimensionsService: DimensionsService) {}

  @Query(() => [DimensionModel], { description: 'The dimensions (scope dimensions:read).' })
  @RequireScope('dimensions:read')
  async dimensions(@Tenant() tenant: TenantContext): Promise<DimensionModel[]> {
    return (await this.dimensionsService.list(tenant)).map(toDimensionResponse);
  }

  // The values of every listed dimension come in one query.
  @ResolveField(() => [DimensionValueModel], { description: 'Its values, by code.' })
  async values(
    @Parent() dimension: DimensionModel,
    @Tenant() tenant: TenantContext,
    @Context() context: GraphqlContext,
  ): Promise<DimensionValueModel[]> {
    const loader = requestLoader<DimensionValue[]>(context.loaders, 'dimension-values', async (ids) => {
      const values = await this.dimensionsService.valuesOf(tenant, ids);
      return ids.map((id) => values.filter((value) => value.dimensionId === id));
    });
    return (await loader.load(dimension.id)).map(toDimensionValueResponse);
  }

  @Mutation(() => DimensionModel, { description: 'Add a free dimension (scope dimensions:write).' })
  @RequireScope('dimensions:write')
  async createDimension(
    @Tenant() tenant: TenantContext,
    @Args() { name }: CreateDimensionArgs,
  ): Promise<DimensionModel> {
    return toDimensionResponse(await this.dimensionsService.create(tenant, name));
  }

  @Mutation(() => DimensionModel, {
    description: 'Rename or deactivate a dimension (scope dimensions:write).',
  })
  @RequireScope('dimensions:write')
  async updateDimension(
    @Tenant() tenant: TenantContext,
    @Args() { id, expectedVersion, input }: UpdateDimensionArgs,
  ): Promise<DimensionModel> {
    return toDimensionResponse(
      await this.dimensionsService.update(tenant, id, input, expectedVersion ?? undefined),
    );
  }

  @Mutation(() => DimensionValueModel, {
    description: 'Add a value to a dimension (scope dimensions:write).',
  })
  @RequireScope('dimensions:write')
  async createDimensionValue(
    @Tenant() tenant: TenantContext,
    @Args() { dimensionId, input }: CreateDimensionValueArgs,
  ): Promise<DimensionValueModel> {
    return toDimensionValueResponse(await this.dimensionsService.createValue(tenant, dimensionId, input));
  }

  @Mutation(() => DimensionValueModel, {
    description: 'Rename or deactivate a dimension value (scope dimensions:write).',
  })
  @RequireScope('dimensions:write')
  async updateDimensionValue(
    @Tenant() tenant: TenantContext,
    @Args() { id, expectedVersion, input }: UpdateDimensionValueArgs,
  ): Promise<DimensionValueModel> {
    return toDimensionValueResponse(
      await this.dimensionsService.updateValue(tenant, id, input, expectedVersion ?? undefined),
    );
  }
}
