import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Min } from 'class-validator';
import { PageQuery } from '../pagination/page-query.dto.js';
import { IdParam } from '../validation/id-param.dto.js';

// GraphQL argument classes over the REST parameter classes: the fields are redeclared for the
// schema, the class-validator rules are inherited, so both APIs accept exactly the same input.

@ArgsType()
export class IdArgs extends IdParam {
  @Field(() => ID)
  override id: string;
}

@ArgsType()
export class PageArgs extends PageQuery {
  @Field(() => Int, { nullable: true, description: 'Items per page (1-1000, default 100).' })
  override limit?: number;

  @Field({ nullable: true, description: 'The `nextCursor` of the previous page; omit for the first page.' })
  override cursor?: string;
}

/** Version checks (REST's If-Match): the `version` the client last read, or nothing to skip the check. */
@ArgsType()
export class VersionedIdArgs extends IdArgs {
  @Field(() => Int, {
    nullable: true,
    description: 'The version last read; a stale one fails with PRECONDITION_FAILED.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}
