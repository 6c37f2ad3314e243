package org.rencontres.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rencontres.event.SessionDay;
import org.rencontres.event.SessionDays;
import org.rencontres.shared.FieldProblem;
import org.rencontres.shared.FrenchTime;

/** The editor's slot form: what organisers type, the messages they get, the draft it gives. */
class SlotFormTest {

    private static final LocalTime START = LocalTime.of(9, 0);
    private static final LocalTime END = LocalTime.of(17, 0);
    private static final SessionDays DAYS = new SessionDays(
            List.of(new SessionDay(1, LocalDate.of(2027, 3, 16), START, END)), FrenchTime.PARIS);

    private static SlotForm form(String start, String end, String kind, String title, String track, String topics,
                                 boolean topicsProvisional) {
        return new SlotForm("", start, end, kind, "", title, "", track, false, topics, topicsProvisional, null);
    }

    private static List<String> problems(SlotForm form) {
        return form.check(null, DAYS, List.of()).problems().stream().map(p -> p.field() + ":" + p.code()).toList();
    }

    @Test
    void a_complete_form_gives_a_draft_with_its_topics_and_track() {
        SlotForm.Checked checked = new SlotForm("", "14h30", "16:00", "WORKSHOP", " Ateliers participatifs ",
                " Le document idéal ", "", " Atelier n°1 ", true, "Premier sujet\n\n  Second sujet  \r\n", true, null)
                .check(null, DAYS, List.of());

        assertThat(checked.isValid()).isTrue();
        SlotDraft d = checked.draft();
        assertThat(d.startsAt()).isEqualTo(LocalTime.of(14, 30));
        assertThat(d.endsAt()).isEqualTo(LocalTime.of(16, 0));
        assertThat(d.kind()).isEqualTo(SlotKind.WORKSHOP);
        assertThat(d.formatLabel()).isEqualTo("Ateliers participatifs");
        assertThat(d.title()).isEqualTo("Le document idéal");
        assertThat(d.description()).isNull();
        assertThat(d.track()).isEqualTo("Atelier n°1");
        assertThat(d.provisional()).isTrue();
        assertThat(d.topics()).containsExactly("Premier sujet", "Second sujet");
        assertThat(d.topicsProvisional()).isTrue();
    }

    @Test
    void an_empty_form_says_what_is_missing_field_by_field() {
        assertThat(problems(SlotForm.empty())).containsExactly("debut:slot.error.start.missing",
                "fin:slot.error.end.missing", "nature:slot.error.kind", "titre:slot.error.title.missing");
    }

    @Test
    void bad_times_and_kinds_are_named_and_time_rules_apply_once_they_are_readable() {
        assertThat(problems(form("neuf heures", "25h", "TALK", "Exposé", "", "", false)))
                .containsExactly("debut:slot.error.start.format", "fin:slot.error.end.format");
        assertThat(problems(form("10h", "11h", "BANQUET", "Exposé", "", "", false)))
                .containsExactly("nature:slot.error.kind");
        assertThat(problems(form("11h", "10h", "TALK", "Exposé", "", "", false)))
                .containsExactly("fin:slot.error.end.before");
        assertThat(problems(form("8h", "10h", "TALK", "Exposé", "", "", false)))
                .containsExactly("debut:slot.error.start.outside");
    }

    @Test
    void topics_subject_to_change_need_topics() {
        assertThat(problems(form("10h", "11h", "TALK", "Exposé", "", " \n ", true)))
                .containsExactly("sujets:slot.error.topics.provisional");
        assertThat(problems(form("10h", "11h", "TALK", "Exposé", "", "Un sujet", true))).isEmpty();
    }

    @Test
    void an_edited_slot_is_compared_with_the_others_but_not_with_itself() {
        Slot talk = new Slot(7, 1, LocalTime.of(10, 0), LocalTime.of(11, 0), SlotKind.TALK, null, "Exposé", null, null, 0,
                false, false, List.of(), List.of());
        SlotForm longer = form("10h", "11h30", "TALK", "Exposé", "", "", false);
        assertThat(longer.check(7L, DAYS, List.of(talk)).isValid()).isTrue();
        assertThat(longer.check(null, DAYS, List.of(talk)).problems()).extracting(FieldProblem::code)
                .containsExactly("slot.error.overlap.main");
        assertThat(SlotForm.of(talk, 3)).isEqualTo(new SlotForm("1", "10h", "11h", "TALK", "", "Exposé", "", "", false, "",
                false, 3));
    }
}
