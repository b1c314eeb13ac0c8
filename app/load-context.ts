import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The CSP nonce of this response, for Remix's inline scripts. */
    cspNonce: string;
    /** The client's address as Express sees it (behind a trusted proxy: the forwarded one). */
    clientIp: string;
  }
}
