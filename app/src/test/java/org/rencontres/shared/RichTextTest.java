package org.rencontres.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RichTextTest {

    @Test
    void blank_lines_separate_paragraphs_and_asterisks_mark_emphasis() {
        RichText text = RichText.of("Premier *paragraphe*\nsur deux lignes.\n\n  Nous étudierons *l'art et la manière* de les aborder.");

        assertThat(text.paragraphs()).containsExactly(
                List.of(new RichText.Segment("Premier ", false), new RichText.Segment("paragraphe", true),
                        new RichText.Segment(" sur deux lignes.", false)),
                List.of(new RichText.Segment("Nous étudierons ", false), new RichText.Segment("l'art et la manière", true),
                        new RichText.Segment(" de les aborder.", false)));
        assertThat(text.plain()).doesNotContain("*").contains("l'art et la manière");
    }

    @Test
    void markup_stays_text_and_a_lone_asterisk_is_kept() {
        RichText text = RichText.of("<script>alert(1)</script> 5 * 3");

        assertThat(text.paragraphs()).containsExactly(
                List.of(new RichText.Segment("<script>alert(1)</script> 5 * 3", false)));
    }

    @Test
    void nothing_gives_no_paragraph() {
        assertThat(RichText.of(null).isEmpty()).isTrue();
        assertThat(RichText.of("  \n\n ").paragraphs()).isEmpty();
    }
}
