package org.rencontres.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Failed sign-ins are limited per (account, address), per address and per account, in PostgreSQL, without
 * letting anyone lock a person out from elsewhere; unknown and known accounts answer alike. Each test
 * comes from its own documentation addresses (X-Forwarded-For, trusted from the local proxy).
 */
@RencontresIntegrationTest
class SignInThrottleTest {

    private static final String PASSWORD = "lanterne cobalt mirabelle quai";

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    private Account organiser(String email) {
        return accounts.create(new NewAccount(email, "Organisateur " + email, Role.ORGANISER, null, PASSWORD));
    }

    private WebSession from(String address) {
        return new WebSession(port).withHeader("X-Forwarded-For", address);
    }

    private static String signIn(WebSession session, String email, String password) throws Exception {
        return WebSession.location(session.signIn(email, password));
    }

    @Test
    void a_correct_password_after_a_few_failures_from_another_address_works() throws Exception {
        organiser("quelques.echecs@cnfpt.fr");
        WebSession attacker = from("203.0.113.1");
        for (int i = 0; i < SignInAttempts.PAIR_LIMIT + 2; i++) {
            signIn(attacker, "quelques.echecs@cnfpt.fr", "pas le bon mot de passe");
        }
        assertThat(signIn(attacker, "quelques.echecs@cnfpt.fr", PASSWORD)).isEqualTo("/connexion?bloque");

        assertThat(signIn(from("203.0.113.2"), "quelques.echecs@cnfpt.fr", PASSWORD)).isEqualTo("/admin");
    }

    @Test
    void attempts_sent_all_at_once_get_no_more_password_checks_than_the_limit() throws Exception {
        organiser("rafale@cnfpt.fr");
        int attempts = SignInAttempts.PAIR_LIMIT + 7;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    WebSession session = from("203.0.113.60");
                    session.get("/connexion");
                    start.await();
                    return signIn(session, "rafale@cnfpt.fr", "essai " + n);
                }));
            }
            start.countDown();
            List<String> locations = new ArrayList<>();
            for (Future<String> answer : answers) {
                locations.add(answer.get(2, TimeUnit.MINUTES));
            }
            assertThat(locations).filteredOn("/connexion?erreur"::equals).hasSize(SignInAttempts.PAIR_LIMIT);
            assertThat(locations).filteredOn("/connexion?bloque"::equals).hasSize(attempts - SignInAttempts.PAIR_LIMIT);
        } finally {
            pool.shutdownNow();
        }
        assertThat(signIn(from("203.0.113.61"), "rafale@cnfpt.fr", PASSWORD)).isEqualTo("/admin");
    }

    @Test
    void the_count_starts_again_when_a_lock_ends() throws Exception {
        organiser("fin.de.blocage@cnfpt.fr");
        WebSession session = from("203.0.113.10");
        for (int i = 0; i < SignInAttempts.PAIR_LIMIT; i++) {
            signIn(session, "fin.de.blocage@cnfpt.fr", "pas le bon mot de passe");
        }
        assertThat(signIn(session, "fin.de.blocage@cnfpt.fr", PASSWORD)).isEqualTo("/connexion?bloque");

        // The quarter of an hour has passed.
        jdbc.sql("""
                UPDATE sign_in_throttle SET locked_until = now() - interval '1 second',
                    window_started_at = now() - interval '16 minutes'
                WHERE scope = 'pair' AND key = 'fin.de.blocage@cnfpt.fr 203.0.113.10'""").update();

        assertThat(signIn(session, "fin.de.blocage@cnfpt.fr", "encore une erreur")).isEqualTo("/connexion?erreur");
        assertThat(jdbc.sql("""
                SELECT failures FROM sign_in_throttle WHERE scope = 'pair' AND key = 'fin.de.blocage@cnfpt.fr 203.0.113.10'""")
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(signIn(session, "fin.de.blocage@cnfpt.fr", PASSWORD)).isEqualTo("/admin");
    }

    @Test
    void failures_on_many_accounts_from_one_address_stop_that_address_but_not_others_nor_its_known_accounts()
            throws Exception {
        organiser("victime.arrosage@cnfpt.fr");
        organiser("habitue.arrosage@cnfpt.fr");
        WebSession regular = from("203.0.113.20");
        assertThat(signIn(regular, "habitue.arrosage@cnfpt.fr", PASSWORD)).isEqualTo("/admin");

        WebSession sprayer = from("203.0.113.20");
        for (int i = 0; i < SignInAttempts.ADDRESS_LIMIT; i++) {
            assertThat(signIn(sprayer, "compte" + i + "@arrosage.fr", "Azerty123!")).isEqualTo("/connexion?erreur");
        }
        assertThat(signIn(sprayer, "victime.arrosage@cnfpt.fr", PASSWORD)).isEqualTo("/connexion?bloque");
        assertThat(signIn(from("203.0.113.21"), "victime.arrosage@cnfpt.fr", PASSWORD)).isEqualTo("/admin");
        // Who signed in from there before still can.
        assertThat(signIn(from("203.0.113.20"), "habitue.arrosage@cnfpt.fr", PASSWORD)).isEqualTo("/admin");
    }

    @Test
    void failures_on_one_account_from_many_addresses_stop_new_addresses_but_not_known_ones() throws Exception {
        accounts.create(new NewAccount("admin.assiege@cnfpt.fr", "Admin", Role.ADMINISTRATOR, null, PASSWORD));
        assertThat(signIn(from("198.51.100.200"), "admin.assiege@cnfpt.fr", PASSWORD)).isEqualTo("/admin");

        for (int i = 0; i < SignInAttempts.ACCOUNT_LIMIT; i++) {
            assertThat(signIn(from("192.0.2." + (100 + i)), "admin.assiege@cnfpt.fr", "essai " + i))
                    .isEqualTo("/connexion?erreur");
        }
        assertThat(signIn(from("192.0.2.250"), "admin.assiege@cnfpt.fr", PASSWORD)).isEqualTo("/connexion?bloque");
        assertThat(signIn(from("198.51.100.200"), "admin.assiege@cnfpt.fr", PASSWORD)).isEqualTo("/admin");
    }

    @Test
    void unknown_and_known_accounts_get_the_same_answers() throws Exception {
        organiser("connu@cnfpt.fr");
        HttpResponse<String> known = from("203.0.113.30").signIn("connu@cnfpt.fr", "pas le bon mot de passe");
        HttpResponse<String> unknown = from("203.0.113.31").signIn("inconnu@cnfpt.fr", "pas le bon mot de passe");
        assertThat(unknown.statusCode()).isEqualTo(known.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(unknown)).isEqualTo(WebSession.location(known)).isEqualTo("/connexion?erreur");
        assertThat(unknown.body()).isEqualTo(known.body());

        WebSession a = from("203.0.113.32");
        WebSession b = from("203.0.113.33");
        for (int i = 0; i < SignInAttempts.PAIR_LIMIT; i++) {
            signIn(a, "connu@cnfpt.fr", "pas le bon mot de passe");
            signIn(b, "inconnu@cnfpt.fr", "pas le bon mot de passe");
        }
        assertThat(signIn(a, "connu@cnfpt.fr", "encore")).isEqualTo("/connexion?bloque");
        assertThat(signIn(b, "inconnu@cnfpt.fr", "encore")).isEqualTo("/connexion?bloque");
    }

    @Test
    void a_disabled_account_answers_like_an_unknown_one_unless_its_password_is_right() throws Exception {
        Account account = organiser("desactive.connexion@cnfpt.fr");
        jdbc.sql("UPDATE account SET enabled = FALSE WHERE id = ?").param(account.id()).update();
        assertThat(signIn(from("203.0.113.40"), "desactive.connexion@cnfpt.fr", "pas le bon mot de passe"))
                .isEqualTo("/connexion?erreur");
        WebSession session = from("203.0.113.41");
        assertThat(signIn(session, "desactive.connexion@cnfpt.fr", PASSWORD)).isEqualTo("/connexion?desactive");
        assertThat(session.page("/connexion?desactive").select("[role=alert]").text())
                .isEqualTo("Ce compte est désactivé : adressez-vous à un administrateur.");
        assertThat(session.get("/admin").statusCode()).isEqualTo(302);
    }

    @Test
    void the_password_hash_runs_for_unknown_accounts_too() {
        organiser("hachage@cnfpt.fr");
        AtomicInteger checks = new AtomicInteger();
        PasswordEncoder counting = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return encoder.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                checks.incrementAndGet();
                return encoder.matches(raw, encoded);
            }
        };
        SignInAttempts attempts = new SignInAttempts(jdbc, accounts, counting, new SsoProperties(null, null, null,
                "", java.util.List.of(), java.util.List.of(), true, true));

        assertThatThrownBy(() -> attempts.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                "personne@nulle-part.fr", "un mot de passe quelconque"))).isInstanceOf(BadCredentialsException.class);
        assertThat(checks.get()).isEqualTo(1);
        assertThatThrownBy(() -> attempts.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                "hachage@cnfpt.fr", "un mot de passe quelconque"))).isInstanceOf(BadCredentialsException.class);
        assertThat(checks.get()).isEqualTo(2);
    }

    @Test
    void a_password_longer_than_bcrypt_takes_is_a_wrong_password_not_an_error() throws Exception {
        organiser("tres.long@cnfpt.fr");
        HttpResponse<String> response = from("203.0.113.50").signIn("tres.long@cnfpt.fr", "x".repeat(500));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(response)).isEqualTo("/connexion?erreur");
    }

    @Test
    void an_ipv6_client_is_counted_by_its_64_bit_prefix() {
        assertThat(SignInAttempts.network("2001:db8:1:2:aaaa::1")).isEqualTo(SignInAttempts.network("2001:db8:1:2::ffff"))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(SignInAttempts.network("2001:db8:1:3::1")).isNotEqualTo(SignInAttempts.network("2001:db8:1:2::1"));
        assertThat(SignInAttempts.network("192.0.2.1")).isEqualTo("192.0.2.1");
    }
}
