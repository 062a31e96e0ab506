/**
 * Downloads one official list file. Injectable so tests can simulate success, cut-off bodies and
 * outages (against a loopback server or a fake) without the network.
 */
import { ClearanceError } from '../../core/errors.ts';

export interface FetchedFile {
  readonly bytes: Uint8Array;
  /** The HTTP Last-Modified header as an ISO instant, when the server sent one. */
  readonly lastModified: string | null;
}

export type Fetcher = (url: string) => Promise<FetchedFile>;

const NETWORK_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ENETUNREACH', 'EHOSTUNREACH', 'ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET']);

function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth += 1) {
    if ('code' in current && typeof current.code === 'string') return current.code;
    current = 'cause' in current ? current.cause : undefined;
  }
  return undefined;
}

/** The real fetcher: Node's fetch with a timeout; checks the status and the announced length. */
export function httpFetcher(options: { readonly timeoutMs?: number } = {}): Fetcher {
  const timeoutMs = options.timeoutMs ?? 120_000;
  return async (url) => {
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { 'user-agent': 'clearance-list-update' } });
    } catch (error) {
      const code = causeCode(error);
      const why = code !== undefined ? code : error instanceof Error ? error.message : String(error);
      throw new ClearanceError('network_unavailable', `cannot reach ${url} (${why})`, { cause: error });
    }
    if (!response.ok) {
      throw new ClearanceError('network_unavailable', `${url} answered HTTP ${response.status} ${response.statusText}`.trim());
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      const code = causeCode(error);
      throw new ClearanceError('list_integrity', `the download of ${url} broke off before the end (${code ?? (error instanceof Error ? error.message : 'aborted')})`, { cause: error });
    }
    const announced = Number(response.headers.get('content-length') ?? NaN);
    const encoded = (response.headers.get('content-encoding') ?? '') !== '';
    if (Number.isFinite(announced) && !encoded && announced !== bytes.byteLength) {
      throw new ClearanceError('list_integrity', `the download of ${url} is ${bytes.byteLength} bytes but the server announced ${announced}: it was cut off`);
    }
    const modified = response.headers.get('last-modified');
    const instant = modified === null ? NaN : Date.parse(modified);
    return { bytes, lastModified: Number.isNaN(instant) ? null : new Date(instant).toISOString() };
  };
}

export function isNetworkFailure(error: unknown): boolean {
  const code = causeCode(error);
  return (error instanceof ClearanceError && error.code === 'network_unavailable') || (code !== undefined && NETWORK_CODES.has(code));
}
