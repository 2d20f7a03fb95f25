import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiProblemResponses,
  IdParam,
  RequireScope,
  Tenant,
  type TenantContext,
} from '../../common/index.js';
import { AddMemberDto, MemberListResponseDto, MemberResponseDto, UpdateMemberDto } from './dto/member.dto.js';
import { MembersService } from './members.service.js';

@ApiTags('Members')
@Controller('members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @RequireScope('members:read')
  @ApiOperation({ operationId: 'listMembers', summary: 'List the people in the company and their roles' })
  @ApiOkResponse({ type: MemberListResponseDto, description: 'The members, in the order they joined.' })
  @ApiProblemResponses(400, 401, 403)
  async list(@Tenant() tenant: TenantContext): Promise<MemberListResponseDto> {
    return { data: await this.members.list(tenant), nextCursor: null };
  }

  @Post()
  @RequireScope('members:write')
  @ApiOperation({
    operationId: 'addMember',
    summary: 'Add a person with an account to the company, with a role',
    description: 'The person signs in with their own account and can then grant apps access to this company.',
  })
  @ApiCreatedResponse({ type: MemberResponseDto, description: 'Added.' })
  @ApiProblemResponses(400, 401, 403, 404, 409)
  add(@Tenant() tenant: TenantContext, @Body() body: AddMemberDto): Promise<MemberResponseDto> {
    return this.members.add(tenant, body);
  }

  @Get(':id')
  @RequireScope('members:read')
  @ApiOperation({ operationId: 'getMember', summary: 'Get one person in the company by user id' })
  @ApiOkResponse({ type: MemberResponseDto, description: 'The member.' })
  @ApiProblemResponses(400, 401, 403, 404)
  get(@Tenant() tenant: TenantContext, @Param() { id }: IdParam): Promise<MemberResponseDto> {
    return this.members.get(tenant, id);
  }

  @Patch(':id')
  @RequireScope('members:write')
  @ApiOperation({
    operationId: 'updateMember',
    summary: "Change a person's role in the company",
    description:
      "Takes effect on the person's next request. The last owner cannot be demoted (409 `LAST_OWNER`).",
  })
  @ApiOkResponse({ type: MemberResponseDto, description: 'The member as changed.' })
  @ApiProblemResponses(400, 401, 403, 404, 409)
  update(
    @Tenant() tenant: TenantContext,
    @Param() { id }: IdParam,
    @Body() body: UpdateMemberDto,
  ): Promise<MemberResponseDto> {
    return this.members.update(tenant, id, body);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequireScope('members:write')
  @ApiOperation({
    operationId: 'removeMember',
    summary: 'Remove a person from the company',
    description:
      'Their tokens stop working for this company on their next request. The last owner cannot be removed (409 `LAST_OWNER`).',
  })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiProblemResponses(400, 401, 403, 404, 409)
  async remove(@Tenant() tenant: TenantContext, @Param() { id }: IdParam): Promise<void> {
    await this.members.remove(tenant, id);
  }
}
