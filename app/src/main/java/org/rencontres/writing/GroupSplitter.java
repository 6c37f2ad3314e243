package org.rencontres.writing;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits people into small groups of about a chosen size, mixing organisations. {@code n} people make
 * {@code ceil(n / size)} groups. The people are lined up organisation by organisation (the largest
 * first, then by name of organisation; within one, by id) and dealt round-robin: the groups' sizes
 * differ by at most one, and since an organisation's people are consecutive in the line, each group
 * gets either {@code k} or {@code k + 1} of them. The same input gives the same groups. A person
 * without an organisation counts as an organisation of their own.
 */
final class GroupSplitter {

    record Person(long id, String organisation) {
    }

    private GroupSplitter() {
    }

    /** The groups, in order (group 1 first), each listing its people's ids in increasing order. */
    static List<List<Long>> split(List<Person> people, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("Group size must be positive: " + size);
        }
        if (people.isEmpty()) {
            return List.of();
        }
        Map<String, List<Long>> byOrganisation = new LinkedHashMap<>();
        for (Person p : people.stream().sorted(Comparator.comparingLong(Person::id)).distinct().toList()) {
            byOrganisation.computeIfAbsent(key(p), k -> new ArrayList<>()).add(p.id());
        }
        List<Map.Entry<String, List<Long>>> organisations = new ArrayList<>(byOrganisation.entrySet());
        organisations.sort(Comparator.<Map.Entry<String, List<Long>>>comparingInt(e -> -e.getValue().size())
                .thenComparing(Map.Entry::getKey));
        List<Long> line = organisations.stream().flatMap(e -> e.getValue().stream()).toList();
        int count = (line.size() + size - 1) / size;
        List<List<Long>> groups = new ArrayList<>();
        for (int g = 0; g < count; g++) {
            groups.add(new ArrayList<>());
        }
        for (int i = 0; i < line.size(); i++) {
            groups.get(i % count).add(line.get(i));
        }
        return groups.stream().map(g -> g.stream().sorted().toList()).toList();
    }

    /** The organisation as compared: trimmed, without case or accents; none: the person alone. */
    private static String key(Person p) {
        if (p.organisation() == null || p.organisation().isBlank()) {
            return "\uffff" + String.format("%020d", p.id());
        }
        return Normalizer.normalize(p.organisation().strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
