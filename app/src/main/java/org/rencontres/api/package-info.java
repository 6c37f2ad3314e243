/**
 * The application's HTTP API under {@code /api/v1}. Its public part (files {@code Public*}, {@code OpenApi*},
 * {@code Problem*}): the catalogue of published sessions and each session's public content, read-only, without
 * session or cookie, cacheable (strong {@code ETag}, {@code Cache-Control}), open to every origin (CORS), its errors
 * as RFC 9457 problem details in French, described by the OpenAPI 3 document {@code /api/v1/openapi.json}. A
 * composition module, like {@code daypage}: it reads the public APIs of event, programme, networking, workshops and
 * directory, and no module depends on it.
 */
@ApplicationModule(displayName = "API")
package org.rencontres.api;

import org.springframework.modulith.ApplicationModule;
