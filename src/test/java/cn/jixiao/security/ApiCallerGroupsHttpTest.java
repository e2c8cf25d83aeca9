package cn.jixiao.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jixiao.testing.HttpTestSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An /api call acts with the groups its own sign-in read: a user taken out of a unit's group loses that unit's reports
 * at the very next call, and one put in gains them, though the handler no longer reads the groups a second time.
 */
class ApiCallerGroupsHttpTest extends HttpTestSupport {

    private static final String USER = "clerkmoving";
    private static final String USER_PASSWORD = "Moving-Clerk-2026!";

    @Autowired
    IdentityService identity;

    @AfterEach
    void removeUser() {
        identity.deleteUser(USER);
    }

    private Response read(String path) {
        return sendAs(basic(USER, USER_PASSWORD), "GET", path, null, null);
    }

    @Test
    void groupsTakeEffectAtTheNextCall() {
        String id = startReport("clerk", sample());
        User user = identity.newUser(USER);
        user.setPassword(USER_PASSWORD);
        identity.saveUser(user);
        String clerks = UnitGroups.clerkGroupId(XZSP);

        assertThat(read("/api/reports/" + id).status()).as("not yet a clerk").isEqualTo(404);

        identity.createMembership(USER, clerks);
        Response asClerk = read("/api/reports/" + id);
        assertThat(asClerk.status()).as("%s", asClerk).isEqualTo(200);
        assertThat(read("/api/reports?unit=" + q(XZSP)).body()).contains(id);

        identity.deleteMembership(USER, clerks);
        assertThat(read("/api/reports/" + id).status()).as("no longer a clerk").isEqualTo(404);
        assertThat(read("/api/reports?unit=" + q(XZSP)).body()).doesNotContain(id);
    }
}
