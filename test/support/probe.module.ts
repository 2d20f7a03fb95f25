import { Body, Controller, Get, Module, Param, Post, Query, Res } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, ObjectType, Query as GraphqlQuery, Resolver } from '@nestjs/graphql';
import { ApiExcludeController } from '@nestjs/swagger';
import { IdParam, IsAmount, NotFoundError, Public } from '../../src/common/index.js';

// Test-only routes mounted on the real application, so the error pipeline is exercised the
// way real resources will use it, before those resources exist.

class ProbeLineDto {
  @IsAmount()
  amount: string;

  @IsString()
  @MaxLength(20)
  text: string;
}

class ProbeEchoDto {
  @IsString()
  @MaxLength(50)
  name: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(12)
  month?: number;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => ProbeLineDto)
  lines?: ProbeLineDto[];
}

class ProbeWaitQuery {
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(5000)
  ms: number;
}

@ApiExcludeController()
@Controller('probe')
export class ProbeController {
  @Post('echo')
  @Public()
  echo(@Body() body: ProbeEchoDto): ProbeEchoDto {
    return body;
  }

  @Get('items/:id')
  @Public()
  item(@Param() { id }: IdParam): never {
    throw new NotFoundError('item', id);
  }

  @Get('fail')
  @Public()
  fail(): never {
    throw new Error('connection to 10.1.2.3 failed: password=hunter2');
  }

  @Get('wait')
  @Public()
  async wait(
    @Query() { ms }: ProbeWaitQuery,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<{ waitedMs: number }> {
    // Stops waiting when the connection is cut (a shutdown test does), so no timer outlives the
    // test file and keeps Jest's worker from exiting.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      res.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    return { waitedMs: ms };
  }
}

@ObjectType('ProbeNode')
class ProbeNodeModel {
  @Field()
  name: string;

  @Field(() => ProbeNodeModel, { nullable: true })
  child?: ProbeNodeModel;
}

// A recursive type, so tests can ask for deeply nested queries.
@Resolver(() => ProbeNodeModel)
export class ProbeResolver {
  @GraphqlQuery(() => ProbeNodeModel)
  @Public()
  probeTree(): ProbeNodeModel {
    return { name: 'a', child: { name: 'b', child: { name: 'c', child: { name: 'd' } } } };
  }
}

@Module({ controllers: [ProbeController], providers: [ProbeResolver] })
export class ProbeModule {}
