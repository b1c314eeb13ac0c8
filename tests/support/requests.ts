import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

const ORIGIN = "http://localhost:3000";

/** The `name=value` part of a Set-Cookie header, to send back as a Cookie header. */
export function cookiePair(setCookie: string): string {
  const end = setCookie.indexOf(";");
  return end === -1 ? setCookie : setCookie.slice(0, end);
}

export function formRequest(path: string, fields: Record<string, string>, cookie?: string): Request {
  const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN };
  if (cookie) headers.Cookie = cookie;
  return new Request(`${ORIGIN}${path}`, { method: "POST", headers, body: new URLSearchParams(fields).toString() });
}

export function getRequest(path: string, cookie?: string): Request {
  return new Request(`${ORIGIN}${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

type Handler<A> = (args: A) => Promise<Response | unknown> | Response | unknown;

/**
 * Calls a route's action or loader as Remix would, turning thrown responses (redirects, 404s) into
 * returned ones so tests can look at the status.
 */
export async function callRoute<A extends ActionFunctionArgs | LoaderFunctionArgs>(
  handler: Handler<A>,
  request: Request,
  params: Record<string, string> = {},
  clientIp = "203.0.113.7",
): Promise<Response> {
  try {
    const result = await handler({ request, params, context: { cspNonce: "test", clientIp } } as A);
    if (result instanceof Response) return result;
    return new Response(JSON.stringify(result ?? null), {
      status: 200,
      headers: { "Content-Type": "application/json" },
    });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}
