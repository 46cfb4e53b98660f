import { killLeftoverProcesses } from './processes';

afterAll(killLeftoverProcesses);
