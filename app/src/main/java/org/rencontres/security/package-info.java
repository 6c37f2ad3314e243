/** Who may do what, and the HTTP security headers every response carries. */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package org.rencontres.security;
