package org.rencontres.writing;

import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.rencontres.security.Accounts;
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
 * refused with 403 before the connection opens. The same credentials are checked again while the
 * connection lasts ({@link WritingSocketHandler#ACCESS_AGAIN}).
 */
@Configuration
@EnableWebSocket
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WritingSocketConfiguration implements WebSocketConfigurer {

    static final String PATH = "/ecriture/ws/";

    private final WritingSocketHandler handler;
    private final WritingAccess access;
    private final Accounts accounts;

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, PATH + "*").addInterceptors(new HandshakeInterceptor() {
            @Override
            public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,
                                           WebSocketHandler wsHandler, Map<String, Object> attributes) {
                Optional<Credentials> credentials = credentials(request);
                Optional<Access> granted = credentials.flatMap(c -> check(c));
                if (granted.isEmpty()) {
                    response.setStatusCode(HttpStatus.FORBIDDEN);
                    return false;
                }
                attributes.put(WritingSocketHandler.ACCESS, granted.get());
                // The same credentials, checked again while the connection lasts (a registration withdrawn,
                // a participant given another workshop, an organiser's rights taken away or account disabled).
                Credentials kept = credentials.get();
                attributes.put(WritingSocketHandler.ACCESS_AGAIN,
                        (Supplier<Optional<Access>>) () -> check(kept));
                return true;
            }

            @Override
            public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response,
                                       WebSocketHandler wsHandler, Exception exception) {
            }
        });
    }

    /** What the browser showed at the handshake: the document, a key of one kind, or the organiser signed in. */
    private record Credentials(long documentId, String kind, String key, Organiser organiser) {
    }

    private static Optional<Credentials> credentials(ServerHttpRequest request) {
        String path = request.getURI().getPath();
        long documentId;
        try {
            documentId = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        var query = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams();
        for (String kind : new String[] {"cle", "animation", "lecture"}) {
            if (query.getFirst(kind) != null) {
                return Optional.of(new Credentials(documentId, kind, query.getFirst(kind), null));
            }
        }
        Principal principal = request.getPrincipal();
        Organiser organiser = principal instanceof Authentication auth && auth.getPrincipal() instanceof Organiser o
                ? o : null;
        return Optional.of(new Credentials(documentId, "session", null, organiser));
    }

    private Optional<Access> check(Credentials c) {
        Optional<Access> granted = switch (c.kind()) {
            case "cle" -> access.participant(c.key());
            case "animation" -> access.facilitator(c.key());
            case "lecture" -> access.reader(c.key());
            // The organiser as the account is now: rights taken away or an account disabled count.
            default -> c.organiser() == null ? Optional.<Access>empty()
                    : accounts.current(c.organiser().accountId()).filter(Organiser::isEnabled)
                            .flatMap(o -> access.organiser(o, c.documentId()));
        };
        return granted.filter(a -> a.document().id() == c.documentId());
    }

    /**
     * Each connection's receive buffers, allocated by the container when the connection opens and kept while it
     * lasts: small, since a larger message comes in parts that {@link MessageParts} joins (up to 8 MiB). They
     * were as large as the largest message, 12 MiB of heap per browser: 20 editors filled a 256 MiB heap.
     */
    static final int RECEIVE_BUFFER_BYTES = 32 * 1024;
    static final int RECEIVE_BUFFER_CHARS = 8 * 1024;

    @Bean
    ServletServerContainerFactoryBean writingWebSocketContainer() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxBinaryMessageBufferSize(RECEIVE_BUFFER_BYTES);
        container.setMaxTextMessageBufferSize(RECEIVE_BUFFER_CHARS);
        // Browsers ping every 20 s: a connection silent for 2 minutes is a browser gone without a word.
        container.setMaxSessionIdleTimeout(120_000L);
        return container;
    }
}
