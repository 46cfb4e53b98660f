import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Db } from './unit-of-work';

/**
 * What every repository is: an injected provider whose queries run on the current manager (the
 * open unit of work's transaction, else the pool). Extend it; add the class to REPOSITORIES.
 */
@Injectable()
export abstract class RepositoryBase {
  constructor(protected readonly db: Db) {}

  protected get m(): EntityManager {
    return this.db.manager;
  }
}
