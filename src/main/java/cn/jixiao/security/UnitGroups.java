package cn.jixiao.security;

import java.util.Optional;

/** Naming of a unit's Camunda groups; the unit code is part of the group id so a group names its unit. */
public final class UnitGroups {

    public static final String CLERK_TYPE = "UNIT_CLERK";
    public static final String LEADER_TYPE = "UNIT_LEADER";
    private static final String PREFIX = "unit-";
    private static final String CLERK_SUFFIX = "-clerks";
    private static final String LEADER_SUFFIX = "-leaders";

    private UnitGroups() {}

    public static String clerkGroupId(String unitCode) {
        return PREFIX + unitCode + CLERK_SUFFIX;
    }

    public static String leaderGroupId(String unitCode) {
        return PREFIX + unitCode + LEADER_SUFFIX;
    }

    /** The unit code of a clerk group id, if it is one. */
    public static Optional<String> unitOfClerkGroup(String groupId) {
        return strip(groupId, CLERK_SUFFIX);
    }

    /** The unit code of a leader group id, if it is one. */
    public static Optional<String> unitOfLeaderGroup(String groupId) {
        return strip(groupId, LEADER_SUFFIX);
    }

    private static Optional<String> strip(String groupId, String suffix) {
        if (groupId != null
                && groupId.startsWith(PREFIX)
                && groupId.endsWith(suffix)
                && groupId.length() > PREFIX.length() + suffix.length()) {
            return Optional.of(groupId.substring(PREFIX.length(), groupId.length() - suffix.length()));
        }
        return Optional.empty();
    }
}
