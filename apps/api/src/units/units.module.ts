import { Module } from '@nestjs/common';
import { UnitGroupsController } from './unit-groups.controller';
import { UnitGroupsService } from './unit-groups.service';
import { UnitsController } from './units.controller';
import { UnitsService } from './units.service';

@Module({ controllers: [UnitsController, UnitGroupsController], providers: [UnitsService, UnitGroupsService] })
export class UnitsModule {}
