package org.rencontres.directory;

import java.io.Serializable;
import java.util.List;

/**
 * An import file as read: its encoding and separator as detected, its lines, the columns that were
 * not recognised (ignored), or the problem that makes the whole file unreadable.
 */
record ImportFile(String encoding, char delimiter, List<ImportLine> lines, List<String> ignoredColumns,
                  ImportProblem problem) implements Serializable {

    ImportFile {
        lines = List.copyOf(lines);
        ignoredColumns = List.copyOf(ignoredColumns);
    }

    static ImportFile unreadable(String encoding, char delimiter, ImportProblem problem) {
        return new ImportFile(encoding, delimiter, List.of(), List.of(), problem);
    }

    public boolean readable() {
        return problem == null;
    }

    public long count(ImportStatus status) {
        return lines.stream().filter(l -> l.status() == status).count();
    }

    /** Only a readable file whose every line is good may be imported: all or nothing. */
    public boolean importable() {
        return readable() && !lines.isEmpty() && lines.stream().noneMatch(ImportLine::hasProblems);
    }

    ImportFile withLines(List<ImportLine> checked) {
        return new ImportFile(encoding, delimiter, checked, ignoredColumns, problem);
    }
}
