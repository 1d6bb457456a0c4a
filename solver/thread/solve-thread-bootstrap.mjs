// Worker-thread entry: a worker does not inherit the tsx loader of its parent, so register it in this thread,
// then run the TypeScript entry (solve-thread-entry.ts).
import { register } from 'tsx/esm/api';

register();
await import('./solve-thread-entry.ts');
