package org.rencontres.directory;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.postgresql.util.PSQLException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Turns the foreign key that stopped a deletion into the message that says what still uses the
 * record. The keys are PostgreSQL's default names ("person_organisation_id_fkey"): the referencing
 * table's name comes first, so the longest known prefix tells which use it is.
 */
final class Usages {

    private static final Map<String, String> BY_TABLE = new LinkedHashMap<>();

    static {
        // Longest first: "programme_slot_person" before "person", "event_partner" before "event_day".
        BY_TABLE.put("programme_slot_person", "directory.inuse.slot");
        BY_TABLE.put("event_partner", "directory.inuse.partner");
        BY_TABLE.put("event_day", "directory.inuse.day");
        BY_TABLE.put("person", "directory.inuse.person");
    }

    private Usages() {
    }

    /** The message key for a foreign-key violation, or the generic one when the constraint is unknown. */
    static String messageKey(DataIntegrityViolationException e) {
        String constraint = constraint(e);
        if (constraint != null) {
            for (Map.Entry<String, String> use : BY_TABLE.entrySet()) {
                if (constraint.startsWith(use.getKey() + "_")) {
                    return use.getValue();
                }
            }
        }
        return "directory.inuse.other";
    }

    static boolean isForeignKeyViolation(DataIntegrityViolationException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23503".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static String constraint(DataIntegrityViolationException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException p && p.getServerErrorMessage() != null) {
                return p.getServerErrorMessage().getConstraint();
            }
        }
        return null;
    }
}
