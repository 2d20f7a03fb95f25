import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, Public } from '../common/index.js';
import { ProblemTypeParam } from './dto/problem-type-param.dto.js';
import { ProblemTypeListResponseDto, ProblemTypeResponseDto } from './dto/problem-type-response.dto.js';
import { ProblemTypesService } from './problem-types.service.js';

@ApiTags('Problem types')
@Controller('problems')
export class ProblemTypesController {
  constructor(private readonly problemTypes: ProblemTypesService) {}

  @Get()
  @Public()
  @ApiOperation({ operationId: 'listProblemTypes', summary: 'List every error code the API can answer with' })
  @ApiOkResponse({ type: ProblemTypeListResponseDto, description: 'Every problem type, in one page.' })
  @ApiProblemResponses(400)
  list(): ProblemTypeListResponseDto {
    return { data: this.problemTypes.list(), nextCursor: null };
  }

  @Get(':slug')
  @Public()
  @ApiOperation({
    operationId: 'getProblemType',
    summary: 'Describe one problem type (the target of a problem `type` URI)',
  })
  @ApiOkResponse({ type: ProblemTypeResponseDto, description: 'The problem type.' })
  @ApiProblemResponses(400, 404)
  get(@Param() { slug }: ProblemTypeParam): ProblemTypeResponseDto {
    return this.problemTypes.get(slug);
  }
}
