// Worker-thread entry: registers tsx in this thread (workers do not inherit the loader), then runs the searcher.
import { register } from 'tsx/esm/api';

register();
await import('./curtois-qu-worker.ts');
