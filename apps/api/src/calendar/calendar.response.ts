import { ApiProperty } from '@nestjs/swagger';

export class CalendarFeedResponse {
  @ApiProperty({
    format: 'uri',
    description: 'the secret feed URL (shown once): subscribe to it from a calendar app',
    example: 'https://duban.example.gov.cn/calendar/dbc_3q2vX8mKpL1nR5tY7wZ9aB4cD6eF0gH2.ics',
  })
  url: string;
}
