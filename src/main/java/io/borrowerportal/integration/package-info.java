/**
 * The HTTP edge of the inbound API ({@code /api/v1}) through which the lender's servicing system talks to the portal:
 * its own stateless security filter chain, the API clients admins issue keys to, per-client rate limits, the request
 * body limit, RFC 9457 problem details for every error, and the read endpoints. See
 * docs/decisions/028-inbound-api-edge-and-api-keys.md.
 */
package io.borrowerportal.integration;
