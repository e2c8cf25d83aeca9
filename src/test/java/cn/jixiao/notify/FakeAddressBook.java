package cn.jixiao.notify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups of addressees for the channel tests, which are about mail and robots; resolving Camunda's users and groups
 * is tested on a real engine (cn.jixiao.workflow.NotificationsOnEngineTest).
 */
final class FakeAddressBook implements AddressBook {

    private final Map<String, List<Addressee>> groups = new LinkedHashMap<>();

    FakeAddressBook group(String groupId, Addressee... members) {
        groups.put(groupId, List.of(members));
        return this;
    }

    @Override
    public Addressees resolve(Collection<String> userIds, Collection<String> groupIds) {
        List<Addressee> with = new ArrayList<>();
        List<String> without = new ArrayList<>(userIds);
        for (String group : groupIds) {
            for (Addressee a : groups.getOrDefault(group, List.of())) {
                if (a.email() == null) {
                    without.add(a.userId());
                } else {
                    with.add(a);
                }
            }
        }
        return new Addressees(with, without);
    }
}
