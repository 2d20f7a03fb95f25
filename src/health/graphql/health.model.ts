import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('Health', { description: 'Whether the server can take traffic.' })
export class HealthModel {
  @Field({ description: '`ready` when the server can take traffic.' })
  status: string;

  @Field({ description: '`up` when the database answered just now.' })
  database: string;

  @Field({ description: '`up-to-date` when every migration has been applied.' })
  migrations: string;
}
