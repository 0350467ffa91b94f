/** The workflow engine's (TTS) documented responses beyond core's: workflows, roles, actions, logs, reports. */
import { contractSuite } from '../helpers/contract';
import { cases, fixture } from './contract/c-tts.cases';

contractSuite('c-tts', cases, fixture);
