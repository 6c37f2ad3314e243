package org.rencontres;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.rencontres.event.Days;
import org.rencontres.programme.Programmes;
import org.rencontres.programme.Slot;
import org.rencontres.security.Accounts;
import org.rencontres.security.NewAccount;
import org.rencontres.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every back-office route of a day, as the application declares them (new routes are covered
 * without editing this test): an anonymous visitor is sent to sign in, an organiser of another
 * organising unit gets 403, and neither changes anything.
 */
@RencontresIntegrationTest
class AdminRouteAccessTest {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort int port;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    @Autowired Accounts accounts;
    @Autowired Days days;
    @Autowired Programmes programmes;

    record Route(RequestMethod method, String path) {
    }

    private List<Route> dayRoutes() {
        long dayId = days.find("Z20IN001").orElseThrow().id();
        Slot slot = programmes.programmeOf(dayId).slots().get(1);
        String slotId = String.valueOf(slot.id());
        String personId = String.valueOf(slot.people().get(0).personId());
        Set<String> seen = new TreeSet<>();
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, ?> entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/admin/journees/{slug}")) {
                    continue;
                }
                String path = pattern.replace("{slug}", "Z20IN001")
                        .replaceAll("\\{(slotId|id)}", slotId)
                        .replaceAll("\\{personId}", personId)
                        .replaceAll("\\{[^}]+}", slotId);
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    if (seen.add(method + " " + path)) {
                        routes.add(new Route(method, path));
                    }
                }
            }
        }
        return routes;
    }

    @Test
    void no_route_of_a_day_is_open_to_visitors_or_to_organisers_of_another_unit() throws Exception {
        List<Route> routes = dayRoutes();
        long dayId = days.find("Z20IN001").orElseThrow().id();
        String personId = String.valueOf(programmes.programmeOf(dayId).slots().get(1).people().get(0).personId());
        assertThat(routes).extracting(Route::path).contains("/admin/journees/Z20IN001",
                "/admin/journees/Z20IN001/modifier", "/admin/journees/Z20IN001/programme");
        assertThat(routes).filteredOn(r -> r.method() == RequestMethod.POST).hasSizeGreaterThan(10);

        if (!accounts.emailTaken("autre.unite.routes@cnfpt.fr")) {
            accounts.create(new NewAccount("autre.unite.routes@cnfpt.fr", "Autre unité", Role.ORGANISER,
                    "INSET de Dunkerque", PASSWORD));
        }
        WebSession other = new WebSession(port);
        other.signIn("autre.unite.routes@cnfpt.fr", PASSWORD);
        WebSession anonymous = new WebSession(port);
        String versionBefore = String.valueOf(days.find("Z20IN001").orElseThrow().version());
        int slotsBefore = programmes.programmeOf(days.find("Z20IN001").orElseThrow().id()).slots().size();

        for (Route route : routes) {
            // Query parameters some routes need, so that a refusal is not a mere 400.
            String path = route.path() + (route.path().endsWith("/etat") ? "?vers=CANCELLED"
                    : route.path().endsWith("/retirer") ? "?quoi=CONTACT&rang=0"
                    : route.path().endsWith("/personnes/retrait") ? "?personne=" + personId + "&role=SPEAKER" : "");
            HttpResponse<String> asOther = route.method() == RequestMethod.GET ? other.get(path)
                    : other.submit("/admin", path, Map.of("message", "x", "nom", "x", "titre", "x"));
            assertThat(asOther.statusCode()).as("%s %s by an organiser of another unit", route.method(), path)
                    .isEqualTo(403);
            HttpResponse<String> asVisitor = route.method() == RequestMethod.GET ? anonymous.get(path)
                    : anonymous.submit("/connexion", path, Map.of("message", "x"));
            assertThat(asVisitor.statusCode()).as("%s %s by a visitor", route.method(), path).isEqualTo(302);
            assertThat(WebSession.location(asVisitor)).as("%s %s by a visitor", route.method(), path).isEqualTo("/connexion");
        }
        assertThat(String.valueOf(days.find("Z20IN001").orElseThrow().version())).isEqualTo(versionBefore);
        assertThat(programmes.programmeOf(days.find("Z20IN001").orElseThrow().id()).slots()).hasSize(slotsBefore);
    }
}
