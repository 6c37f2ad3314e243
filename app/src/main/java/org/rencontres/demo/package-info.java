/**
 * The demo day of a fresh install: the 25 June 2020 AICT day of the CNFPT brochure, loaded once,
 * through the other modules' public operations. Turned off by {@code rencontres.demo.enabled=false}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package org.rencontres.demo;
