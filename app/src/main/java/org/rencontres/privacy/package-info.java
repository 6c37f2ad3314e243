/**
 * Personal data and the GDPR: how long each kind of personal data is kept (periods an administrator
 * sets, a daily purge that removes or anonymises what has expired and keeps the statistics), the
 * rights of the people (what is held about an agent, exported as JSON and PDF; erasure requests that
 * an organiser handles), the record of processing activities and the privacy notice. The data stays
 * in the modules that own it: each declares what it keeps through the {@code shared} interfaces
 * ({@code RetainedData}, {@code PersonData}), which this module collects.
 */
@ApplicationModule(displayName = "Privacy")
package org.rencontres.privacy;

import org.springframework.modulith.ApplicationModule;
