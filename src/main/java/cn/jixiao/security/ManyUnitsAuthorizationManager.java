package cn.jixiao.security;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * Camunda's authorization checks without one step that grows with the number of units: before its first check in a
 * command, the engine loads the id of every group holding any authorization (two groups per unit) only to drop the
 * user's groups that hold none — with 10,000 units, 20,000 rows per request, the largest cost of the Tasklist under
 * load (docs/BENCHMARK.md). A group without grants matches no authorization, so every check gives the same answer
 * with the user's groups as they are.
 */
public class ManyUnitsAuthorizationManager extends AuthorizationManager {

  @Override
  public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
    if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
      return Collections.emptyList();
    }
    return new ArrayList<>(authenticatedGroupIds);
  }
}
