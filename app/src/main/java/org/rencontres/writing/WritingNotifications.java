package org.rencontres.writing;

import javax.sql.DataSource;

import org.rencontres.database.PostgresListener;
import org.springframework.stereotype.Component;

/**
 * This instance's ear on the {@value WritingHub#CHANNEL} channel: what the other instances relay (an
 * update, a presence, or the number of an update too large to carry) goes to the hub; after the
 * connection was lost, the hub's browsers are asked to catch up.
 */
@Component
class WritingNotifications extends PostgresListener {

    WritingNotifications(DataSource dataSource, WritingHub hub) {
        super(dataSource, WritingHub.CHANNEL, hub::heard, hub::resyncAll);
    }
}
