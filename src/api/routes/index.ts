/** Every route module; importing this file registers them all. */
import './health.ts';
import './openapi.ts';
import './me.ts';
import './centers.ts';
import './tokens.ts';
import './traffic.ts';
import './jobs.ts';
