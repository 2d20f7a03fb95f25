import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('DimensionValue', {
  description: 'A value of a dimension: use its id as departmentId, projectId or in dimensionValueIds.',
})
export class DimensionValueModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  dimensionId: string;

  @Field({ description: 'Short code, unique in the dimension.' })
  code: string;

  @Field()
  name: string;

  @Field()
  isActive: boolean;

  @Field(() => Int, { description: 'Bumped by every change; pass it as expectedVersion.' })
  version: number;

  @Field({ description: 'ISO 8601 date-time.' })
  createdAt: string;

  @Field({ description: 'ISO 8601 date-time.' })
  updatedAt: string;
}

@ObjectType('Dimension', { description: 'Department, project, or a free dimension of analysis.' })
export class DimensionModel {
  @Field(() => ID)
  id: string;

  @Field({ description: '`department`, `project` or `free`.' })
  kind: string;

  @Field()
  name: string;

  @Field()
  isActive: boolean;

  @Field(() => Int, { description: 'Bumped by every change; pass it as expectedVersion.' })
  version: number;

  @Field({ description: 'ISO 8601 date-time.' })
  createdAt: string;

  @Field({ description: 'ISO 8601 date-time.' })
  updatedAt: string;
}
