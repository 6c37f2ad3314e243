package org.rencontres.networking;

/**
 * The rotation's running rules as the set-up form sends them, every field as typed.
 *
 * @param rotations the number of rounds, blank for as many as fit in the slot
 */
record SettingsForm(String rotation, String changement, String rotations, Boolean jamaisDeuxFois,
                    Boolean separerCollegues) {

    /** An unticked checkbox sends nothing: it reads as false. */
    SettingsForm {
        jamaisDeuxFois = Boolean.TRUE.equals(jamaisDeuxFois);
        separerCollegues = Boolean.TRUE.equals(separerCollegues);
    }

    static SettingsForm of(RotationData.Settings s) {
        return new SettingsForm(String.valueOf(s.rotationMinutes()), String.valueOf(s.changeoverMinutes()),
                s.roundsChosen() == null ? "" : String.valueOf(s.roundsChosen()), s.tableOnce(),
                s.separateOrganisations());
    }
}
