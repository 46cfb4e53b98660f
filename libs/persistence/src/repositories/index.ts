export * from './unit.repository';
export * from './user.repository';
export * from './journal';
export * from './plan-import.repository';
