// Worker-thread entry for construction-board.test.ts: registers tsx in this thread, then takes part in the pass.
import { register } from 'tsx/esm/api';

register();
await import('./construction-board-worker.ts');
