import { messagingSocketModule } from './messaging';
import type { SocketModule } from './server';

/** Socket event handlers of every context (messaging adds ticket rooms, typing, presence). */
export const SOCKET_MODULES: SocketModule[] = [messagingSocketModule];
