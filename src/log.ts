/**
 * Structured logs: one JSON object per line on stdout (info) or stderr (warn, error), with a timestamp and
 * level, so a log shipper can index them. SHIFTCAST_LOG=silent turns them off (tests), =debug adds debug lines.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function threshold(): number {
  const setting = process.env.SHIFTCAST_LOG ?? (process.env.VITEST ? 'silent' : 'info');
  return setting === 'silent' ? Infinity : (ORDER[setting as Level] ?? ORDER.info);
}

function write(level: Level, msg: string, fields: Record<string, unknown> = {}) {
  if (ORDER[level] < threshold()) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
  if (level === 'warn' || level === 'error') process.stderr.write(line + '\n');
  else process.stdout.write(line + '\n');
}

export const log = {
  debug: (msg: string, fields?: Record<string, unknown>) => write('debug', msg, fields),
  info: (msg: string, fields?: Record<string, unknown>) => write('info', msg, fields),
  warn: (msg: string, fields?: Record<string, unknown>) => write('warn', msg, fields),
  error: (msg: string, fields?: Record<string, unknown>) => write('error', msg, fields),
};
