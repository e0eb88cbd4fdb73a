import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../../common/auth/access.decorators';
import { Actor, ActorContext } from '../../common/auth/actor';
import { uuidParam } from '../../common/uuid-param';
import { CreateUserRequest, ListUsersQuery, UpdateUserRequest, UserPage, UserResponse } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequirePermission('users:read')
  @ApiOkResponse({ type: UserPage })
  listUsers(@Actor() actor: ActorContext, @Query() query: ListUsersQuery): Promise<UserPage> {
    return this.users.list(actor, query);
  }

  @Post()
  @RequirePermission('users:manage')
  @ApiCreatedResponse({ type: UserResponse })
  createUser(@Actor() actor: ActorContext, @Body() body: CreateUserRequest): Promise<UserResponse> {
    return this.users.create(actor, body);
  }

  @Get(':id')
  @RequirePermission('users:read')
  @ApiOkResponse({ type: UserResponse })
  getUser(@Actor() actor: ActorContext, @Param('id', uuidParam('id')) id: string): Promise<UserResponse> {
    return this.users.get(actor, id);
  }

  @Patch(':id')
  @RequirePermission('users:manage')
  @ApiOkResponse({ type: UserResponse })
  updateUser(
    @Actor() actor: ActorContext,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: UpdateUserRequest,
  ): Promise<UserResponse> {
    return this.users.update(actor, id, body);
  }
}
