package org.rencontres.registration;

import java.util.List;

import org.junit.jupiter.api.RepeatedTest;
import org.rencontres.RencontresIntegrationTest;
import org.rencontres.event.Days;
import org.springframework.beans.factory.annotation.Autowired;

/** 200 simultaneous confirmations for 50 seats on one instance: 50 confirmed, 150 waiting, in order. */
@RencontresIntegrationTest
class ConcurrentConfirmationTest {

    @Autowired
    Registrations registrations;
    @Autowired
    Days days;

    @RepeatedTest(3)
    void two_hundred_confirmations_for_fifty_seats() throws Exception {
        ConfirmationRace.run(days, List.of(registrations));
    }
}
