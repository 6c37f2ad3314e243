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
        List<Long> line = lineUp(people).stream().map(Person::id).toList();
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

    /**
     * Where late arrivals go, once the groups are made: each newcomer (organisation by organisation,
     * the largest first, as in {@link #split}) joins the group that has the fewest people of their
     * organisation, then the fewest people, then the lowest number, among the groups not yet at
     * {@code size}. When every group is full, a new group is opened if the newcomers still to place
     * are at least half a group ({@code ceil(size / 2)}, and two); otherwise they join the full groups
     * the same way (a group then exceeds the size by a little rather than leave someone alone).
     *
     * @param groups the groups as they are, each with its people
     * @return for each group, existing ones first then the new ones, the ids it gains (possibly none)
     */
    static List<List<Long>> place(List<List<Person>> groups, List<Person> newcomers, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("Group size must be positive: " + size);
        }
        List<List<Person>> current = new ArrayList<>();
        groups.forEach(g -> current.add(new ArrayList<>(g)));
        List<List<Long>> gained = new ArrayList<>();
        groups.forEach(g -> gained.add(new ArrayList<>()));
        List<Person> line = lineUp(newcomers);
        for (int i = 0; i < line.size(); i++) {
            Person p = line.get(i);
            int remaining = line.size() - i;
            boolean roomLeft = current.stream().anyMatch(g -> g.size() < size);
            if (current.isEmpty() || (!roomLeft && remaining >= Math.max(2, (size + 1) / 2))) {
                current.add(new ArrayList<>());
                gained.add(new ArrayList<>());
            }
            boolean onlyOpen = current.stream().anyMatch(g -> g.size() < size);
            String organisation = key(p);
            int best = -1;
            for (int g = 0; g < current.size(); g++) {
                List<Person> group = current.get(g);
                if (onlyOpen && group.size() >= size) {
                    continue;
                }
                if (best < 0 || compare(group, current.get(best), organisation) < 0) {
                    best = g;
                }
            }
            current.get(best).add(p);
            gained.get(best).add(p.id());
        }
        return gained.stream().map(g -> g.stream().sorted().toList()).toList();
    }

    private static int compare(List<Person> a, List<Person> b, String organisation) {
        long sameA = a.stream().filter(x -> key(x).equals(organisation)).count();
        long sameB = b.stream().filter(x -> key(x).equals(organisation)).count();
        if (sameA != sameB) {
            return Long.compare(sameA, sameB);
        }
        return Integer.compare(a.size(), b.size());
    }

    /** The people organisation by organisation, the largest first, then by name of organisation; within one, by id. */
    private static List<Person> lineUp(List<Person> people) {
        Map<String, List<Person>> byOrganisation = new LinkedHashMap<>();
        for (Person p : people.stream().sorted(Comparator.comparingLong(Person::id)).distinct().toList()) {
            byOrganisation.computeIfAbsent(key(p), k -> new ArrayList<>()).add(p);
        }
        List<Map.Entry<String, List<Person>>> organisations = new ArrayList<>(byOrganisation.entrySet());
        organisations.sort(Comparator.<Map.Entry<String, List<Person>>>comparingInt(e -> -e.getValue().size())
                .thenComparing(Map.Entry::getKey));
        return organisations.stream().flatMap(e -> e.getValue().stream()).toList();
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
