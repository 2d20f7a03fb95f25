import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, Public } from '../common/index.js';
import { LivenessResponseDto } from './dto/liveness-response.dto.js';
import { ReadinessResponseDto } from './dto/readiness-response.dto.js';
import { HealthService } from './health.service.js';

@ApiTags('Health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('live')
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ operationId: 'getLiveness', summary: 'Check that the process is running' })
  @ApiOkResponse({ type: LivenessResponseDto, description: 'The process is running.' })
  // Any request can carry a body that is not valid JSON, probes included.
  @ApiProblemResponses(400)
  getLiveness(): LivenessResponseDto {
    return { status: 'alive' };
  }

  @Get('ready')
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    operationId: 'getReadiness',
    summary: 'Check that the server can take traffic',
    description:
      'Checks the database connection and that no migration is pending. Answers 503 while shutting down.',
  })
  @ApiOkResponse({ type: ReadinessResponseDto, description: 'The server can take traffic.' })
  @ApiProblemResponses(400, 503)
  getReadiness(): Promise<ReadinessResponseDto> {
    return this.health.getReadiness();
  }
}
