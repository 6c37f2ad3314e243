package org.rencontres.networking;

/**
 * A table as its form sends it, every field as typed.
 *
 * @param animateur the id of the host in the directory, blank for none yet
 * @param theme one of the rotation's themes, blank for none
 */
record TableForm(String nom, String emplacement, String capacite, String animateur, String theme) {

    static TableForm forNew(int groupSize) {
        return new TableForm("", "", String.valueOf(groupSize), "", "");
    }

    static TableForm of(RotationData.RoomTable t) {
        return new TableForm(t.name(), t.place() == null ? "" : t.place(), String.valueOf(t.capacity()),
                t.hostPersonId() == null ? "" : String.valueOf(t.hostPersonId()), t.theme() == null ? "" : t.theme());
    }
}
