package cn.jixiao.notify;

import java.util.Collection;

/** Resolves a notice's users and groups to addresses; an interface so the channels can be tested without an engine. */
interface AddressBook {

    Addressees resolve(Collection<String> userIds, Collection<String> groupIds);
}
