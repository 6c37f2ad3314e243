/**
 * The REST API under /api/v1: the public catalogue (another part of issue 18) and the organiser API
 * ({@code Organiser*}), authenticated by personal access tokens (module security), which calls the same
 * services as the back office.
 */
@org.springframework.modulith.ApplicationModule(displayName = "API")
package org.rencontres.api;
