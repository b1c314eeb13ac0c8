import "@remix-run/node";
import type { PageKeeping } from "./kept-pages/keep";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The CSP nonce of this response, for Remix's inline scripts. */
    cspNonce: string;
    /** The client's address as Express sees it (behind a trusted proxy: the forwarded one). */
    clientIp: string;
    /** Present when this page may be kept in memory for later visitors (ADR 0041): see keepPage. */
    pageKeeping?: PageKeeping;
  }
}
