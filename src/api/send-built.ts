/**
 * Sends a response built ahead (JSON bytes, their gzip, an ETag): 304 when the client holds that ETag, gzip
 * when it accepts it. Conditional and compressed reads cost the server no serialization at all.
 */
import type { Request, Response } from 'express';

export interface Prebuilt {
  etag: string;
  json: Buffer;
  gzip: Buffer;
}

export function sendBuilt(req: Request, res: Response, built: Prebuilt): void {
  res.set('ETag', built.etag);
  res.set('Cache-Control', 'private, no-cache');
  res.set('Vary', 'Accept-Encoding, Authorization');
  const held = (req.get('if-none-match') ?? '').split(',').map((t) => t.trim());
  if (held.includes(built.etag) || held.includes('*')) {
    res.status(304).end();
    return;
  }
  res.type('application/json');
  if (/\bgzip\b/.test(req.get('accept-encoding') ?? '')) {
    res.set('Content-Encoding', 'gzip');
    res.send(built.gzip);
  } else {
    res.send(built.json);
  }
}
