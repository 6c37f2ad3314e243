package org.rencontres.directory;

/** A collectivité or any other body that people belong to, organise days or take part in them. */
public record Organisation(long id, String name, String shortName, OrganisationKind kind, String siren,
                           String street, String postcode, String city, String website) {

    /**
     * One row of {@code organisation} with the columns of the record, read by name. An explicit mapper: the generic
     * one (query(Organisation.class)) looks each camel-case component up as a column first and pays for an
     * exception per row before it tries « short_name » (a dashboard of 4,800 employers spent most of its time there).
     */
    static Organisation of(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        return new Organisation(rs.getLong("id"), rs.getString("name"), rs.getString("short_name"),
                OrganisationKind.valueOf(rs.getString("kind")), rs.getString("siren"), rs.getString("street"),
                rs.getString("postcode"), rs.getString("city"), rs.getString("website"));
    }

    /** The form to print: the short name when there is one. */
    public String displayName() {
        return shortName != null && !shortName.isBlank() ? shortName : name;
    }
}
