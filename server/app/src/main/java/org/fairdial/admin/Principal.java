package org.fairdial.admin;

import org.fairdial.config.AdminConfig.Role;

/**
 * Who a request comes from: the name and role of the token it carried.
 *
 * @param name token holder, as named in {@code dialer.admin.tokens}
 * @param role what it may do
 */
record Principal(String name, Role role) {

    /** Phone numbers are shown in full to supervisors and admins, masked to viewers (wallboards, screens). */
    boolean seesNumbers() {
        return role.covers(Role.SUPERVISOR);
    }
}
