/**
 * The planner library (Maven module {@code planner}, {@code org.rencontres:rencontres-planner}) as
 * the application sees it: its classes share the application's base package, so Spring Modulith
 * takes it for a module; it is a plain library with no dependency on the application, open to all.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Planner (library)",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.rencontres.planner;
