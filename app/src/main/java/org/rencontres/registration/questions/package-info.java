/**
 * The questions an organiser adds to a session's registration form, and the answers of its
 * registrations. A named interface of the registration module: the dashboard reads the questions and
 * answers for its exports.
 */
@NamedInterface("questions")
package org.rencontres.registration.questions;

import org.springframework.modulith.NamedInterface;
