import helmet from 'helmet';

/** One year: the usual HSTS lifetime, long enough for browsers to keep it between visits. */
const HSTS_MAX_AGE_SECONDS = 31_536_000;

/**
 * The security headers of every response (Helmet), for a JSON and SSE API that no browser ever renders:
 * a CSP that allows nothing and no framing, nosniff, no referrer, and a same-origin resource policy.
 * That policy binds only no-cors loads (`<img>`, `<script>`): CORS fetches and EventSource from an allowed
 * origin are governed by CORS alone, so browser MCP clients on another origin still work. HSTS only when
 * clients reach the server over https (PUBLIC_URL); without includeSubDomains, since this server speaks for
 * its own host, not for every name under it.
 */
export function securityHeaders(options: { https: boolean }): ReturnType<typeof helmet> {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: options.https ? { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: false } : false,
    xFrameOptions: { action: 'deny' },
  });
}
