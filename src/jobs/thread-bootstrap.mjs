// Worker threads start as plain JavaScript: register tsx here, then load the TypeScript entry.
import { register } from 'tsx/esm/api';

register();
await import('./thread-entry.ts');
