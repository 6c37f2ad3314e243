/**
 * The public page of a day, its schema.org JSON-LD and its printable brochure (plaquette): the top of
 * the house. It gathers the day (event), its programme, networking and workshops (their public APIs)
 * and the directory's organisations into one page; no other module depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Day page")
package org.rencontres.daypage;
