/**
 * The accessibility needs an agent declares with a request (Qualiopi indicator 26): what kind, in
 * their words, with an explicit consent (health data, GDPR art. 9); the arrangement the organisers and
 * the session's disability contact (référent handicap) agree, and where it stands. The needs are read
 * only on the organisers' page of the session and on the référent's page (a signed link bound to the
 * session); the welcome desk and rosters get the arrangement only, the dashboard counts only. A named
 * interface of the registration module.
 */
@NamedInterface("needs")
package org.rencontres.registration.needs;

import org.springframework.modulith.NamedInterface;
