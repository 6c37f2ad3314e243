package org.rencontres.directory;

import java.io.Serializable;
import java.util.List;

/**
 * One line of an import file, read and checked. {@code kindText} is the type as written, to show
 * it back when it is unknown; {@code existingId} is the organisation of the same name, if any.
 */
record ImportLine(int line, String name, String shortName, String kindText, OrganisationKind kind, String siren,
                  String street, String postcode, String city, String website, List<String> trainingEmails,
                  List<ImportProblem> problems, ImportStatus status, Long existingId) implements Serializable {

    ImportLine {
        trainingEmails = List.copyOf(trainingEmails);
        problems = List.copyOf(problems);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    ImportLine matching(Long existing) {
        ImportStatus s = hasProblems() ? ImportStatus.ERROR : existing == null ? ImportStatus.NEW : ImportStatus.UPDATE;
        return new ImportLine(line, name, shortName, kindText, kind, siren, street, postcode, city, website,
                trainingEmails, problems, s, existing);
    }
}
