package cn.jixiao.notify;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Addresses from Camunda's users: a group's members by {@code memberOfGroup}, each user's e-mail. A user with no
 * e-mail, or with one that is no address, or an id that names no user, is left out and counted. Two users sharing
 * an address get one mail.
 *
 * <p>The campaign may run in a request of the finance bureau's reviewer, who may not read other users: the look-up is
 * made without the caller's authentication (and gives it back afterwards), as the engine's own jobs do it.
 */
class CamundaAddressBook implements AddressBook {

    private final IdentityService identityService;

    CamundaAddressBook(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Addressees resolve(Collection<String> userIds, Collection<String> groupIds) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return lookUp(userIds, groupIds);
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }

    private Addressees lookUp(Collection<String> userIds, Collection<String> groupIds) {
        Map<String, User> users = new LinkedHashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (String id : new LinkedHashSet<>(userIds)) {
            User user = identityService.createUserQuery().userId(id).singleResult();
            if (user == null) {
                unknown.add(id);
            } else {
                users.putIfAbsent(user.getId(), user);
            }
        }
        for (String group : new LinkedHashSet<>(groupIds)) {
            for (User user : identityService
                    .createUserQuery()
                    .memberOfGroup(group)
                    .orderByUserId()
                    .asc()
                    .list()) {
                users.putIfAbsent(user.getId(), user);
            }
        }
        List<Addressee> withAddress = new ArrayList<>();
        List<String> withoutAddress = new ArrayList<>(unknown);
        Set<String> seenAddresses = new LinkedHashSet<>();
        for (User user : users.values()) {
            String email = usable(user.getEmail());
            if (email == null) {
                withoutAddress.add(user.getId());
            } else if (seenAddresses.add(email.toLowerCase(Locale.ROOT))) {
                withAddress.add(new Addressee(user.getId(), name(user), email));
            }
        }
        return new Addressees(withAddress, withoutAddress);
    }

    /** The address if it is one (a single, syntactically valid address), else {@code null}. */
    static String usable(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        try {
            InternetAddress address = new InternetAddress(email.strip(), true);
            address.validate();
            return address.getAddress();
        } catch (AddressException e) {
            return null;
        }
    }

    /** 王小明: Chinese names are written family name first, without a space. */
    private static String name(User user) {
        String last = user.getLastName() == null ? "" : user.getLastName().strip();
        String first = user.getFirstName() == null ? "" : user.getFirstName().strip();
        return (last + first).isEmpty() ? user.getId() : last + first;
    }
}
