export * from './entities';
export * from './data-source';
export * from './embedded-postgres';
export * from './database.module';
export * from './repositories';
export * from './password-hasher';
export * from './backup';
export * from './db/unit-of-work';
