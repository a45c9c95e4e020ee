/**
 * A fetch for the core that holds a chosen Cloudflare reply until the test releases it.
 *
 * The held request has already been served by the simulator (its reply is read in full), so the
 * test knows exactly what Cloudflare answered and can act — write a token through Keyflare,
 * start a sync — before the core sees the reply. That makes races such as "a write lands while a
 * sync is fetching" deterministic, without sleeps. A hold may also edit the reply's JSON, to play
 * a list that missed a token.
 */
export interface HeldReply {
  /** Hands the reply to the core. */
  release: () => void;
}

export interface HoldOptions {
  /** Rewrites the reply's JSON body before the core sees it. */
  edit?: (body: unknown) => unknown;
}

export interface HoldingFetch {
  fetch: typeof fetch;
  /**
   * Holds the next reply to `method` on `path` (below the base URL, e.g. `/user/tokens`);
   * resolves once that reply has arrived and is being held.
   */
  hold(method: string, path: string, options?: HoldOptions): Promise<HeldReply>;
}

interface Pending {
  method: string;
  pathname: string;
  options: HoldOptions;
  arrived: (held: HeldReply) => void;
}

export function holdingFetch(baseUrl: string): HoldingFetch {
  const basePath = new URL(baseUrl).pathname.replace(/\/+$/u, '');
  const pending: Pending[] = [];
  const wrapped = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const response = await fetch(input, init);
    const index = pending.findIndex((p) => p.method === method && p.pathname === url.pathname);
    if (index < 0) return response;
    const [match] = pending.splice(index, 1);
    const text = await response.text();
    const body = match?.options.edit ? JSON.stringify(match.options.edit(JSON.parse(text))) : text;
    await new Promise<void>((release) => match?.arrived({ release }));
    const headers = new Headers(response.headers);
    // The body was read (and maybe edited): its original length and encoding no longer apply.
    headers.delete('content-length');
    headers.delete('content-encoding');
    return new Response(body, { status: response.status, headers });
  };
  return {
    fetch: wrapped,
    hold: (method, path, options = {}) =>
      new Promise((arrived) => {
        pending.push({ method: method.toUpperCase(), pathname: `${basePath}${path}`, options, arrived });
      }),
  };
}
