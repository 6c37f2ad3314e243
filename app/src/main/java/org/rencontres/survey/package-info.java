/**
 * The satisfaction survey of a day (évaluation à chaud): the questions an organiser sets per day
 * (scales 1 to 5, choices, free text; a usual set added in one go), the form each confirmed agent
 * reaches from their space by a random key, one response per registration (a unique constraint),
 * and the results (counts, means, distributions as server-rendered SVG, the response rate).
 */
@ApplicationModule(displayName = "Survey")
package org.rencontres.survey;

import org.springframework.modulith.ApplicationModule;
