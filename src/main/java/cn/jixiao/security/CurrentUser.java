package cn.jixiao.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * A signed-in user with the Camunda groups they belong to, and what those groups mean here. It is also the principal of
 * an /api or /board call signed in with HTTP Basic (its name is the user id), so the groups read by the sign-in are
 * not read again by the handler of the same request.
 */
public record CurrentUser(String id, List<String> groupIds) implements AuthenticatedPrincipal {

    @Override
    public String getName() {
        return id;
    }

    public Set<String> clerkUnits() {
        return groupIds.stream()
                .flatMap(g -> UnitGroups.unitOfClerkGroup(g).stream())
                .collect(Collectors.toSet());
    }

    public Set<String> leaderUnits() {
        return groupIds.stream()
                .flatMap(g -> UnitGroups.unitOfLeaderGroup(g).stream())
                .collect(Collectors.toSet());
    }

    public boolean isClerkOf(String unitCode) {
        return clerkUnits().contains(unitCode);
    }

    public boolean isMemberOfUnit(String unitCode) {
        return clerkUnits().contains(unitCode) || leaderUnits().contains(unitCode);
    }

    public boolean inGroup(String groupId) {
        return groupIds.contains(groupId);
    }

    public boolean isAdmin() {
        return groupIds.contains(Groups.CAMUNDA_ADMIN);
    }
}
