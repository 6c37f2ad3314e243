package org.rencontres.writing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.rencontres.writing.GroupSplitter.Person;

/** The split into small groups, checked on many random inputs: its rules hold whatever the people. */
class GroupSplitterTest {

    @Test
    void seven_people_in_groups_of_three_make_three_balanced_groups_mixing_organisations() {
        List<Person> people = List.of(new Person(1, "Melun"), new Person(2, "Melun"), new Person(3, "Melun"),
                new Person(4, "Évry"), new Person(5, "Evry "), new Person(6, "Sens"), new Person(7, null));
        List<List<Long>> groups = GroupSplitter.split(people, 3);
        // Melun (3) dealt first, then Évry (2, accents and spaces ignored), then Sens, then the person without one.
        assertThat(groups).containsExactly(List.of(1L, 4L, 7L), List.of(2L, 5L), List.of(3L, 6L));
    }

    @Test
    void nobody_makes_no_group_and_a_size_below_one_is_refused() {
        assertThat(GroupSplitter.split(List.of(), 4)).isEmpty();
        assertThat(GroupSplitter.split(List.of(new Person(9, "A")), 4)).containsExactly(List.of(9L));
        assertThatThrownBy(() -> GroupSplitter.split(List.of(new Person(1, "A")), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_rules_hold_for_any_people_and_size() {
        Random random = new Random(20160623);
        for (int run = 0; run < 2000; run++) {
            int n = random.nextInt(120);
            int size = 2 + random.nextInt(49);
            int organisations = 1 + random.nextInt(12);
            List<Person> people = new ArrayList<>();
            Set<Long> ids = new HashSet<>();
            while (people.size() < n) {
                long id = 1 + random.nextInt(100_000);
                if (ids.add(id)) {
                    int o = random.nextInt(organisations + 1);
                    // A skewed spread: some organisations much larger than others; some people without one.
                    people.add(new Person(id, o == organisations ? null : "Commune " + Math.min(o, random.nextInt(organisations))));
                }
            }
            List<List<Long>> groups = GroupSplitter.split(people, size);
            String context = "run " + run + ", " + n + " people, size " + size;

            // ceil(n / size) groups
            assertThat(groups).as(context).hasSize((n + size - 1) / size);
            // every person in exactly one group
            List<Long> all = groups.stream().flatMap(List::stream).toList();
            assertThat(all).as(context).hasSize(n).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
            // balanced sizes, none larger than asked
            if (!groups.isEmpty()) {
                int min = groups.stream().mapToInt(List::size).min().orElseThrow();
                int max = groups.stream().mapToInt(List::size).max().orElseThrow();
                assertThat(max - min).as(context).isLessThanOrEqualTo(1);
                assertThat(max).as(context).isLessThanOrEqualTo(size);
            }
            // each organisation spread: its counts per group differ by at most one
            Map<Long, String> organisationOf = new HashMap<>();
            people.forEach(p -> organisationOf.put(p.id(), p.organisation()));
            Set<String> names = new HashSet<>(organisationOf.values());
            names.remove(null);
            for (String name : names) {
                List<Integer> counts = groups.stream()
                        .map(g -> (int) g.stream().filter(id -> name.equals(organisationOf.get(id))).count()).toList();
                assertThat(Collections.max(counts) - Collections.min(counts)).as(context + ", " + name).isLessThanOrEqualTo(1);
            }
            // deterministic, whatever the order of the input
            List<Person> shuffled = new ArrayList<>(people);
            Collections.shuffle(shuffled, random);
            assertThat(GroupSplitter.split(shuffled, size)).as(context).isEqualTo(groups);
        }
    }

    @Test
    void late_arrivals_join_the_open_groups_with_fewest_of_their_organisation() {
        List<List<Person>> groups = List.of(
                List.of(new Person(1, "Melun"), new Person(4, "Évry")),
                List.of(new Person(2, "Melun"), new Person(5, "Sens")),
                List.of(new Person(3, "Évry")));
        // Group 3 has room (size 2): Melun's newcomer goes there. Then every group is full and one newcomer
        // is left (too few for a group of their own): Sens's joins a full group with nobody from Sens, the
        // first of the smallest (group 1).
        List<List<Long>> gained = GroupSplitter.place(groups, List.of(new Person(10, "Melun"), new Person(11, "Sens")), 2);
        assertThat(gained).containsExactly(List.of(11L), List.of(), List.of(10L));
    }

    @Test
    void many_late_arrivals_open_a_new_group_rather_than_swell_the_others() {
        List<List<Person>> groups = List.of(List.of(new Person(1, "A"), new Person(2, "B"), new Person(3, "C")));
        List<List<Long>> gained = GroupSplitter.place(groups,
                List.of(new Person(7, "A"), new Person(8, "B"), new Person(9, "D")), 3);
        assertThat(gained).containsExactly(List.of(), List.of(7L, 8L, 9L));
    }

    @Test
    void the_placement_rules_hold_for_any_groups_and_newcomers() {
        Random random = new Random(20201125);
        for (int run = 0; run < 2000; run++) {
            int size = 2 + random.nextInt(12);
            int organisations = 1 + random.nextInt(6);
            Set<Long> ids = new HashSet<>();
            List<Person> first = new ArrayList<>();
            int n = 1 + random.nextInt(60);
            while (first.size() < n) {
                long id = 1 + random.nextInt(100_000);
                if (ids.add(id)) {
                    first.add(new Person(id, "Commune " + random.nextInt(organisations)));
                }
            }
            Map<Long, Person> byId = new HashMap<>();
            first.forEach(p -> byId.put(p.id(), p));
            List<List<Person>> groups = GroupSplitter.split(first, size).stream()
                    .map(g -> g.stream().map(byId::get).toList()).toList();
            List<Person> late = new ArrayList<>();
            int m = random.nextInt(3 * size);
            while (late.size() < m) {
                long id = 1 + random.nextInt(100_000);
                if (ids.add(id)) {
                    late.add(new Person(id, random.nextInt(5) == 0 ? null : "Commune " + random.nextInt(organisations)));
                }
            }
            String context = "run " + run + ", " + n + " then " + m + ", size " + size;
            List<List<Long>> gained = GroupSplitter.place(groups, late, size);

            // every newcomer placed once; the existing groups come first, in order
            assertThat(gained.size()).as(context).isGreaterThanOrEqualTo(groups.size());
            assertThat(gained.stream().flatMap(List::stream).toList()).as(context)
                    .containsExactlyInAnyOrderElementsOf(late.stream().map(Person::id).toList());
            List<Integer> sizes = new ArrayList<>();
            for (int g = 0; g < gained.size(); g++) {
                sizes.add((g < groups.size() ? groups.get(g).size() : 0) + gained.get(g).size());
            }
            // a new group is opened only when the existing ones are full, and holds at least half a group
            for (int g = groups.size(); g < gained.size(); g++) {
                assertThat(gained.get(g).size()).as(context).isGreaterThanOrEqualTo(Math.max(2, (size + 1) / 2));
                for (int e = 0; e < groups.size(); e++) {
                    assertThat(sizes.get(e)).as(context).isGreaterThanOrEqualTo(size);
                }
            }
            // no group swells by more than half a group beyond the size
            assertThat(Collections.max(sizes)).as(context).isLessThanOrEqualTo(
                    Math.max(size + (size + 1) / 2, groups.stream().mapToInt(List::size).max().orElse(0)));
            // deterministic, whatever the order of the newcomers
            List<Person> shuffled = new ArrayList<>(late);
            Collections.shuffle(shuffled, random);
            assertThat(GroupSplitter.place(groups, shuffled, size)).as(context).isEqualTo(gained);
        }
    }
}
