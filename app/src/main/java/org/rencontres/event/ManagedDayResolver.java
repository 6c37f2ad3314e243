package org.rencontres.event;

import org.rencontres.security.Organiser;
import org.rencontres.web.PathGuard;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;

/**
 * The one guard of the back office's day pages: a controller method that takes a {@link ManagedDay}
 * gets the day of the address's {@code {slug}} only if the signed-in organiser may manage it; otherwise
 * the request ends there, in 404 (no such day) or 403 (another organising unit's day), before the
 * method runs. A controller never calls {@link DayAccess} itself. The page's template may use {@code ${slug}}.
 */
@Configuration(proxyBeanMethods = false)
class ManagedDayResolver extends PathGuard<ManagedDay> {

    private final DayAccess access;

    ManagedDayResolver(DayAccess access) {
        super(ManagedDay.class, "slug");
        this.access = access;
    }

    @Override
    protected ManagedDay resolve(MethodParameter parameter, String slug) {
        return access.requireManage(Organiser.signedIn().orElse(null), slug);
    }
}
