import { Module } from '@nestjs/common';
import { TasksModule } from '../tasks/tasks.module';
import { FileJanitor } from './file-janitor';
import { FilesController } from './files.controller';
import { FilesService } from './files.service';

@Module({
  imports: [TasksModule],
  controllers: [FilesController],
  providers: [FilesService, FileJanitor],
  exports: [FilesService],
})
export class FilesModule {}
