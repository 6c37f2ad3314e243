package org.rencontres.writing;

import java.security.Principal;
import java.util.Map;
import java.util.Optional;

import org.rencontres.security.Organiser;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The WebSocket of collective writing, {@code /ecriture/ws/{id}}: same origin only (Spring's default),
 * and the same access rule as the pages, decided at the handshake: {@code ?cle=} a participant's key, {@code ?animation=} a facilitator's key,
 * {@code ?lecture=} the read-only key, otherwise the signed-in organiser's session. Anything else is
 * refused with 403 before the connection opens.
 */
@Configuration
@EnableWebSocket
class WritingSocketConfiguration implements WebSocketConfigurer {

    static final String PATH = "/ecriture/ws/";

    private final WritingSocketHandler handler;
    private final WritingAccess access;

    WritingSocketConfiguration(WritingSocketHandler handler, WritingAccess access) {
        this.handler = handler;
        this.access = access;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, PATH + "*").addInterceptors(new HandshakeInterceptor() {
            @Override
            public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,
                                           WebSocketHandler wsHandler, Map<String, Object> attributes) {
                Optional<Access> granted = resolve(request);
                if (granted.isEmpty()) {
                    response.setStatusCode(HttpStatus.FORBIDDEN);
                    return false;
                }
                attributes.put(WritingSocketHandler.ACCESS, granted.get());
                return true;
            }

            @Override
            public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response,
                                       WebSocketHandler wsHandler, Exception exception) {
            }
        });
    }

    private Optional<Access> resolve(ServerHttpRequest request) {
        String path = request.getURI().getPath();
        long documentId;
        try {
            documentId = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        var query = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams();
        Optional<Access> granted;
        if (query.getFirst("cle") != null) {
            granted = access.participant(query.getFirst("cle"));
        } else if (query.getFirst("animation") != null) {
            granted = access.facilitator(query.getFirst("animation"));
        } else if (query.getFirst("lecture") != null) {
            granted = access.reader(query.getFirst("lecture"));
        } else {
            Principal principal = request.getPrincipal();
            Organiser organiser = principal instanceof Authentication auth && auth.getPrincipal() instanceof Organiser o
                    ? o : null;
            granted = access.organiser(organiser, documentId);
        }
        return granted.filter(a -> a.document().id() == documentId);
    }

    /** Room for a pasted page or a snapshot of a long document in one message. */
    @Bean
    ServletServerContainerFactoryBean writingWebSocketContainer() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxBinaryMessageBufferSize(8 * 1024 * 1024);
        container.setMaxTextMessageBufferSize(2 * 1024 * 1024);
        // Browsers ping every 20 s: a connection silent for 2 minutes is a browser gone without a word.
        container.setMaxSessionIdleTimeout(120_000L);
        return container;
    }
}
