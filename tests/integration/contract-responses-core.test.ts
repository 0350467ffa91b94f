/** The first documented operations: tasks, calendars, workflow versions, notification lists, SLA timelines. */
import { contractSuite } from '../helpers/contract';
import { cases, fixture } from './contract/core.cases';

contractSuite('core', cases, fixture);
