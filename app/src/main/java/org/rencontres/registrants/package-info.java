/**
 * Hands the registration module's confirmed registrants to the networking rotation (an adapter:
 * networking cannot depend on registration without a cycle through event).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registrants for networking")
package org.rencontres.registrants;
