package org.rencontres.web;

import java.sql.SQLException;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

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
    ModelAndView refused(DataAccessException e, HttpServletRequest request) {
        String state = sqlState(e);
        if (state == null || !REFUSALS.contains(state)) {
            throw e;
        }
        // The state only: the database's message may quote what was typed.
        log.info("Refused by the database (SQL state {}) on {} {}", state, request.getMethod(), request.getRequestURI());
        return page(new InputFilter.Problem("input.error.database", null));
    }

    @ExceptionHandler(BadInput.class)
    ModelAndView refused(BadInput e) {
        return page(e.problem());
    }

    /**
     * The error page, rendered here rather than through the container's error dispatch, which gives
     * an empty body for an upload (multipart) request.
     */
    private static ModelAndView page(InputFilter.Problem problem) {
        ModelAndView page = new ModelAndView("error/4xx", HttpStatus.BAD_REQUEST);
        page.addObject("status", HttpStatus.BAD_REQUEST.value());
        page.addObject("problemCode", problem.code());
        page.addObject("problemField", problem.field());
        return page;
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
