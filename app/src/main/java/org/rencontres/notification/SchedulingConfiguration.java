package org.rencontres.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the outbox's sender on a schedule, unless {@code rencontres.mail.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "rencontres.mail.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {
}
