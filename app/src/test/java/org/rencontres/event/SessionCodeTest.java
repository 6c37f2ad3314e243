package org.rencontres.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class SessionCodeTest {

    @Test
    void the_printed_code_gives_an_address_without_spaces() {
        SessionCode code = new SessionCode(" z20in 001 ");
        assertThat(code.value()).isEqualTo("Z20IN 001");
        assertThat(code.slug()).isEqualTo("Z20IN001");
    }

    @Test
    void codes_with_other_characters_are_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SessionCode("Z20/001"));
        assertThatIllegalArgumentException().isThrownBy(() -> new SessionCode("  "));
        assertThatIllegalArgumentException().isThrownBy(() -> new SessionCode("Z20  001"));
    }

    @Test
    void french_phone_numbers_become_international_tel_links() {
        Contact contact = new Contact(Contact.Purpose.REGISTRATION, "Magali Belot", null, null, "03 83 19 22 20", null);
        assertThat(contact.phoneUri()).isEqualTo("tel:+33383192220");
    }
}
