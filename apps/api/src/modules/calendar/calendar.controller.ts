import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { Authenticated, RequirePermission } from '../../common/auth/access.decorators';
import { Actor, ActorContext } from '../../common/auth/actor';
import { validationProblem } from '../../common/problem/validation';
import { CalendarService } from './calendar.service';
import {
  CalendarDayResponse,
  CalendarSettingsDto,
  CalendarSettingsResponse,
  DaysQuery,
  DueQuery,
  DueResponse,
  PutCalendarDayRequest,
  YearParam,
} from './dto/calendar.dto';

const LOCAL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function checkDate(date: string): string {
  if (!LOCAL_DATE.test(date) || Number.isNaN(Date.parse(date)) || new Date(date).toISOString().slice(0, 10) !== date) {
    throw validationProblem([{ field: 'date', rule: 'isDate', message: 'Ngày phải có dạng YYYY-MM-DD' }]);
  }
  return date;
}

@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('due')
  @Authenticated()
  @ApiOkResponse({
    type: DueResponse,
    description: 'Due time of a processing time started at `start`, per the working calendar (DOMAIN §5)',
  })
  computeDueDate(@Query() query: DueQuery): Promise<DueResponse> {
    return this.calendar.dueResponse(query.start, query.amount, query.unit);
  }

  @Get('days')
  @Authenticated()
  @ApiOkResponse({ type: [CalendarDayResponse], description: 'Each date with whether it is worked and why (at most 3 years)' })
  listCalendarDays(@Query() query: DaysQuery): Promise<CalendarDayResponse[]> {
    return this.calendar.days(checkDate(query.from), checkDate(query.to));
  }

  @Put('days/:date')
  @RequirePermission('calendar:manage')
  @ApiParam({ name: 'date', example: '2026-09-01' })
  @ApiOkResponse({ type: CalendarDayResponse })
  setCalendarDay(
    @Actor() actor: ActorContext,
    @Param('date') date: string,
    @Body() body: PutCalendarDayRequest,
  ): Promise<CalendarDayResponse> {
    return this.calendar.putDay(actor, checkDate(date), body);
  }

  @Delete('days/:date')
  @RequirePermission('calendar:manage')
  @HttpCode(204)
  @ApiParam({ name: 'date', example: '2026-09-01' })
  @ApiNoContentResponse({ description: 'The date follows the weekly pattern again' })
  removeCalendarDay(@Actor() actor: ActorContext, @Param('date') date: string): Promise<void> {
    return this.calendar.deleteDay(actor, checkDate(date));
  }

  @Get('settings')
  @Authenticated()
  @ApiOkResponse({ type: CalendarSettingsResponse })
  getCalendarSettings(): Promise<CalendarSettingsResponse> {
    return this.calendar.settings();
  }

  @Put('settings')
  @RequirePermission('calendar:manage')
  @ApiOkResponse({ type: CalendarSettingsResponse })
  updateCalendarSettings(@Actor() actor: ActorContext, @Body() body: CalendarSettingsDto): Promise<CalendarSettingsResponse> {
    return this.calendar.putSettings(actor, body);
  }

  @Post('years/:year/statutory')
  @RequirePermission('calendar:manage')
  @ApiOkResponse({
    type: [CalendarDayResponse],
    description: 'Copies the computed statutory holidays of a year without a schedule into the schedule',
  })
  fillStatutoryHolidays(@Actor() actor: ActorContext, @Param() params: YearParam): Promise<CalendarDayResponse[]> {
    return this.calendar.fillStatutory(actor, params.year);
  }
}
