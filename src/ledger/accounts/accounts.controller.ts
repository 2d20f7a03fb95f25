import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
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
  IfMatch,
  RequireScope,
  Tenant,
  type TenantContext,
} from '../../common/index.js';
import { toAccountResponse } from './account.mapper.js';
import { AccountsService } from './accounts.service.js';
import {
  AccountListResponseDto,
  AccountResponseDto,
  CreateAccountDto,
  ListAccountsQuery,
  UpdateAccountDto,
} from './dto/account.dto.js';

@ApiTags('Accounts')
@Controller('accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @RequireScope('accounts:read')
  @ApiOperation({ operationId: 'listAccounts', summary: 'List the chart of accounts, by number' })
  @ApiOkResponse({ type: AccountListResponseDto })
  @ApiProblemResponses(400, 401, 403)
  async list(
    @Tenant() tenant: TenantContext,
    @Query() query: ListAccountsQuery,
  ): Promise<AccountListResponseDto> {
    const page = await this.accounts.list(tenant, query);
    return { data: page.data.map(toAccountResponse), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @RequireScope('accounts:read')
  @ApiOperation({ operationId: 'getAccount', summary: 'Get one account' })
  @ApiOkResponse({ type: AccountResponseDto })
  @ApiProblemResponses(400, 401, 403, 404)
  async get(@Tenant() tenant: TenantContext, @Param() { id }: IdParam): Promise<AccountResponseDto> {
    return toAccountResponse(await this.accounts.get(tenant, id));
  }

  @Post()
  @RequireScope('accounts:write')
  @ApiOperation({
    operationId: 'createAccount',
    summary: 'Add an account to the chart',
    description: 'The class (asset, liability, ...) follows from the NS 4102 number.',
  })
  @ApiCreatedResponse({ type: AccountResponseDto })
  @ApiProblemResponses(400, 401, 403, 409)
  async create(@Tenant() tenant: TenantContext, @Body() body: CreateAccountDto): Promise<AccountResponseDto> {
    return toAccountResponse(await this.accounts.create(tenant, body));
  }

  @Patch(':id')
  @RequireScope('accounts:write')
  @ApiOperation({
    operationId: 'updateAccount',
    summary: 'Change an account, or deactivate it (isActive false)',
    description: 'The number never changes: postings refer to the account, and reports to its number.',
  })
  @ApiOkResponse({ type: AccountResponseDto })
  @ApiProblemResponses(400, 401, 403, 404, 412)
  async update(
    @Tenant() tenant: TenantContext,
    @Param() { id }: IdParam,
    @Body() body: UpdateAccountDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<AccountResponseDto> {
    return toAccountResponse(await this.accounts.update(tenant, id, body, expectedVersion));
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequireScope('accounts:write')
  @ApiOperation({
    operationId: 'deleteAccount',
    summary: 'Delete an account nobody has posted to',
    description: 'An account with postings stays for the audit trail: 409, deactivate it instead.',
  })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiProblemResponses(400, 401, 403, 404, 409, 412)
  async delete(
    @Tenant() tenant: TenantContext,
    @Param() { id }: IdParam,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<void> {
    await this.accounts.delete(tenant, id, expectedVersion);
  }
}
