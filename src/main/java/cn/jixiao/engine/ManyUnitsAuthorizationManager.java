package cn.jixiao.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * Camunda's authorization checks without one step that grows with the number of units: before its first check in a
 * command, the engine loads the id of every group holding any authorization (two groups per unit) only to drop the
 * user's groups that hold none — with 10,000 units, 20,000 rows per request, the largest cost of the Tasklist under
 * load (docs/BENCHMARK.md). A group without grants matches no authorization, so every check gives the same answer
 * with the user's groups as they are.
 */
class ManyUnitsAuthorizationManager extends AuthorizationManager {

    /**
     * A task query that asks only for tasks of candidate groups the user belongs to (the Tasklist's 本单位待办 and
     * 待办 by group) needs no authorization join: the engine grants each candidate group READ on its tasks when it
     * makes it a candidate, so every task such a query finds is one the user may read, and the join adds nothing but
     * its cost — on H2 it read every open task's grants per request (docs/BENCHMARK.md). Any other task query, and one
     * naming a group the user is not in, keeps the full check.
     */
    @Override
    public void configureTaskQuery(TaskQueryImpl query) {
        super.configureTaskQuery(query);
        if (query.getAuthCheck().isAuthorizationCheckEnabled() && onlyOwnCandidateGroups(query)) {
            query.getAuthCheck().setAuthorizationCheckEnabled(false);
        }
    }

    private boolean onlyOwnCandidateGroups(TaskQueryImpl query) {
        // Anything that widens the candidate clause beyond the named groups keeps the check: an or-query, a candidate
        // user or group of its own, a group pattern (candidateGroupLike is joined to the groups with OR).
        if (query.getQueries().size() > 1
                || query.getCandidateUser() != null
                || query.getCandidateGroup() != null
                || query.getCandidateGroupLike() != null
                || query.isWithoutCandidateGroups()
                || query.isWithCandidateGroups()) {
            return false;
        }
        List<String> groups = query.getCandidateGroupsInternal();
        Authentication authentication = getCurrentAuthentication();
        return groups != null
                && !groups.isEmpty()
                && authentication != null
                && authentication.getGroupIds() != null
                && authentication.getGroupIds().containsAll(groups);
    }

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
        if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
            return Collections.emptyList();
        }
        return new ArrayList<>(authenticatedGroupIds);
    }
}
