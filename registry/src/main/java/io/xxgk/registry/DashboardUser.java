package io.xxgk.registry;

import java.time.Instant;

/**
 * A person who logs in to the dashboard. Only a bcrypt hash of the password is kept.
 *
 * @param name         login name
 * @param passwordHash bcrypt hash ({@code $2a$...})
 * @param role         what the person may do
 * @param org          the one org whose numbers the person sees; null for {@link Role#PROVINCE} (all orgs)
 * @param enabled      false: cannot log in (users are disabled, not deleted, so the record of who had access stays)
 * @param changedAt    when this record was last written
 */
public record DashboardUser(String name, String passwordHash, Role role, String org, boolean enabled, Instant changedAt) implements RegistryRecord {

    public static final String NAME_PATTERN = "[a-z0-9][a-z0-9._-]{0,63}";

    /**
     * Each role includes the ones before it, except that only PROVINCE sees other orgs, and PROVINCE
     * (a supervisor) reads and downloads every org's figures but administers none: it includes
     * LEADER and WRITER, not ADMIN, and changes nothing (the dashboard's writes need the role
     * granted for the org itself).
     */
    public enum Role {
        /** views the pages and the report */
        LEADER,
        /** also downloads the report (CSV, XLSX, DOCX) */
        WRITER,
        /** also manages the org's users, tokens, channels and checklist */
        ADMIN,
        /** a province's office: every org's numbers and the province-wide roll-up, and exports */
        PROVINCE;

        public boolean includes(Role other) {
            if (other == PROVINCE || this == PROVINCE) {
                return this == PROVINCE ? other != ADMIN : false;
            }
            return compareTo(other) >= 0;
        }
    }

    public DashboardUser {
        if (name == null || !name.matches(NAME_PATTERN)) {
            throw new IllegalArgumentException("user name must be 1-64 of a-z, 0-9, '.', '_' and '-', starting with a letter or digit");
        }
        if (passwordHash == null || !passwordHash.startsWith("$2")) {
            throw new IllegalArgumentException("user " + name + " needs a bcrypt password hash");
        }
        if (role == null) {
            throw new IllegalArgumentException("user " + name + " needs a role");
        }
        if ((role == Role.PROVINCE) != (org == null)) {
            throw new IllegalArgumentException(role == Role.PROVINCE
                    ? "a PROVINCE user sees every org and belongs to none"
                    : "a " + role + " user belongs to one org");
        }
    }
}
