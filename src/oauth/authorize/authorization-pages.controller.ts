import { Body, Controller, Get, Headers, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../common/index.js';
import { AuthorizationErrorFilter } from './authorization-error.filter.js';
import { AuthorizeService } from './authorize.service.js';
import { ConsentService } from './consent.service.js';
import { sendPageResult } from './page-result.js';

/**
 * The front channel of the authorization-code flow: HTML pages for a person's browser. The
 * parameters arrive raw (not as DTOs): their errors are pages or redirects, not problems.
 * Not operations of the spec (the SDK would get functions that fetch HTML): the spec names the
 * authorization endpoint in its OAuth 2 security scheme, and the RFC 8414 metadata does too.
 */
@Controller('oauth')
@UseFilters(AuthorizationErrorFilter)
export class AuthorizationPagesController {
  constructor(
    private readonly authorize: AuthorizeService,
    private readonly consent: ConsentService,
  ) {}

  @Get('authorize')
  @Public()
  @ApiExcludeEndpoint()
  async show(
    @Query() query: unknown,
    @Headers('cookie') cookie: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    sendPageResult(res, await this.authorize.show(query, cookie));
  }

  @Post('sign-in')
  @Public()
  @ApiExcludeEndpoint()
  async signIn(@Body() body: unknown, @Res() res: Response): Promise<void> {
    sendPageResult(res, await this.authorize.signIn(body));
  }

  @Post('consent')
  @Public()
  @ApiExcludeEndpoint()
  async decide(
    @Body() body: unknown,
    @Headers('cookie') cookie: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    sendPageResult(res, await this.consent.decide(body, cookie));
  }
}
