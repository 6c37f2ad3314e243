package org.rencontres.webhooks;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which addresses a subscription may post to. HTTPS only; plain HTTP to this machine only when
 * {@code rencontres.webhooks.allow-local=true} (tests, development). Without it, an address that resolves to
 * this machine or a private network is refused when the subscription is made and again at every post (the
 * server must not be made to call its own network's services).
 */
@Component
class WebhookAddresses {

    private final boolean allowLocal;

    WebhookAddresses(@Value("${rencontres.webhooks.allow-local:false}") boolean allowLocal) {
        this.allowLocal = allowLocal;
    }

    /** The problem's message code if that address may not be subscribed, else empty. */
    Optional<String> problem(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            return Optional.of("webhooks.error.url.invalid");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null
                || !(scheme.equals("https") || scheme.equals("http")) || url.length() > 2000) {
            return Optional.of("webhooks.error.url.invalid");
        }
        if (scheme.equals("http") && !(allowLocal && isLocalName(uri.getHost()))) {
            return Optional.of("webhooks.error.url.https");
        }
        return allowed(uri) ? Optional.empty() : Optional.of("webhooks.error.url.private");
    }

    /** Whether a post may go there now (the name is resolved again: it may point elsewhere since). */
    boolean allowed(URI uri) {
        if (allowLocal) {
            return true;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress() || address.isMulticastAddress()
                        || (address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            // Not resolvable now: refused at subscription, a failed attempt at delivery.
            return false;
        }
    }

    private static boolean isLocalName(String host) {
        return host.equalsIgnoreCase("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
    }
}
