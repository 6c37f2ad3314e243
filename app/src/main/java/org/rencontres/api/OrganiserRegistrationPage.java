package org.rencontres.api;

import java.util.List;

/**
 * One page of a session's registrations.
 *
 * @param page the page's number, from 1
 * @param taille how many registrations a page holds
 * @param total how many registrations pass the filter
 */
record OrganiserRegistrationPage(List<OrganiserRegistrationView> elements, int page, int taille, int total) {
}
