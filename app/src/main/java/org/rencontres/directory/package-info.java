/** Organisations (collectivités and other public bodies) and people, reused across days. */
@org.springframework.modulith.ApplicationModule(displayName = "Directory")
package org.rencontres.directory;
