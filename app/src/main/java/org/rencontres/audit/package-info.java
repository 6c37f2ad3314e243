/** Who changed what, when: the audit trail of each day, its programme and its resources, and of each organisation of the directory. */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.rencontres.audit;
