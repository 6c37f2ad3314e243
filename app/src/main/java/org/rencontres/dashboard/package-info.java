/**
 * The day's dashboard for organisers: registrations by state, by organisation and by kind of
 * organisation, the approval funnel counted from the registrations' history, attendance per
 * half-day (rates, walk-ins, no-shows), as server-rendered SVG bar charts each followed by the same
 * numbers in a table, and a CSV export of the registrations. It owns no table: it reads the
 * registration, directory and attendance modules through their public APIs only.
 */
@ApplicationModule(displayName = "Dashboard")
package org.rencontres.dashboard;

import org.springframework.modulith.ApplicationModule;
