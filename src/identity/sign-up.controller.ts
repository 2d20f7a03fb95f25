import { Body, Controller, Header, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiProblemResponses, Public } from '../common/index.js';
import { toRegisteredApiClientResponse } from '../oauth/index.js';
import { PublicRateLimit } from '../rate-limits/index.js';
import { SignUpDto, SignUpResponseDto } from './dto/sign-up.dto.js';
import { SignUpService } from './sign-up.service.js';

@ApiTags('Sign-up')
@Controller('sign-up')
export class SignUpController {
  constructor(private readonly signUps: SignUpService) {}

  @Post()
  @Public()
  @PublicRateLimit()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    operationId: 'signUp',
    summary: 'Create an account, its first company and an API client',
    description:
      'Public. Creates a person, a company they own, and a confidential API client with every scope whose ' +
      'secret is shown once, so you can ask `POST /oauth/token` for a token straight away.',
  })
  @ApiCreatedResponse({ type: SignUpResponseDto, description: 'Created.' })
  @ApiProblemResponses(400, 403, 409)
  async signUp(@Body() body: SignUpDto, @Req() req: Request): Promise<SignUpResponseDto> {
    const result = await this.signUps.signUp(body, req.requestId);
    return {
      user: { id: result.user.id, email: result.user.email, name: result.user.name },
      companyId: result.companyId,
      apiClient: toRegisteredApiClientResponse(result.apiClient),
    };
  }
}
