package org.rencontres.web;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A text the forms let through but the database refuses (a bound of V33, a NUL byte, a value too
 * large for an index) is the visitor's mistake, not the service's: a 400 page, never a 500. The
 * refusal rolled the transaction back, so nothing changed. Other database failures stay errors.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class DatabaseRefusals {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRefusals.class);

    /**
     * check_violation, not_null_violation, string_data_right_truncation, character_not_in_repertoire,
     * untranslatable_character, numeric_value_out_of_range, invalid_datetime_format,
     * datetime_field_overflow, program_limit_exceeded (an index row too large).
     */
    static final Set<String> REFUSALS = Set.of("23514", "23502", "22001", "22021", "22P05", "22003", "22007",
            "22008", "54000");

    @ExceptionHandler(DataAccessException.class)
    void refused(DataAccessException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String state = sqlState(e);
        if (state == null || !REFUSALS.contains(state)) {
            throw e;
        }
        // The state only: the database's message may quote what was typed.
        log.info("Refused by the database (SQL state {}) on {} {}", state, request.getMethod(), request.getRequestURI());
        request.setAttribute(InputFilter.PROBLEM, new InputFilter.Problem("input.error.database", null));
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }

    static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
