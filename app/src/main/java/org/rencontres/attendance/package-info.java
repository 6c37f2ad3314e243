/**
 * Attendance at a day, per half-day: the welcome desk's check-ins (by name search, by the QR code of a
 * convocation, or a walk-in added on the spot), an optional signature captured on screen, check-ins
 * made offline and sent again later (each carries the desk's idempotency key), and the organisers'
 * corrections with a reason (audited). A person is present at most once per half-day: a unique index
 * keeps several desks from counting anyone twice. The public API is
 * {@link org.rencontres.attendance.Attendances}; sheets, badges and certificates build on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Attendance")
package org.rencontres.attendance;
