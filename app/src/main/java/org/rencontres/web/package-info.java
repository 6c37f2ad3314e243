/** What every page shares: layout, language, formats, error pages, static assets. */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package org.rencontres.web;
