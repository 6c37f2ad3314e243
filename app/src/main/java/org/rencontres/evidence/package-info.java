/**
 * The evidence pack of a session (Qualiopi; issue 17, point 7): one ZIP, built on request and streamed,
 * of its public information and programme, convocations, attendance sheets per half-day with the
 * trainees' and trainers' signatures, certificates, survey results with the survey's e-mails, the
 * approval trail of every registration and the session's e-mail log, with a manifest of the files and
 * their SHA-256 at the root. It reads each module's public API; nothing is stored.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evidence")
package org.rencontres.evidence;
