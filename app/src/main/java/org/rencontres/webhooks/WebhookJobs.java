package org.rencontres.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.rencontres.shared.RecurringJobs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Posts the due webhooks every {@code rencontres.webhooks.poll-interval} (10 s by default) through db-scheduler;
 * off with {@code rencontres.webhooks.enabled=false} (deliveries are still written). The sender's row locks, not
 * the scheduler, are what keep two instances from posting the same delivery.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "rencontres.webhooks.enabled", havingValue = "true", matchIfMissing = true)
class WebhookJobs {

    @Bean
    RecurringTask<Void> webhookDeliveryTask(WebhookSender sender, Optional<Clock> clock,
                                            @Value("${rencontres.webhooks.poll-interval:10s}") Duration interval) {
        return RecurringJobs.every("webhooks-delivery", interval, clock, sender::sendAllDue);
    }
}
