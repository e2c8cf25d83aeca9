package cn.jixiao.notify;

import java.util.List;

/**
 * Who a notice reaches: the users with an address (each once, however many of the notice's groups they are in) and
 * the ids of those without one, which the result counts so the finance bureau can ask for the address.
 */
record Addressees(List<Addressee> withAddress, List<String> withoutAddress) {

    Addressees {
        withAddress = List.copyOf(withAddress);
        withoutAddress = List.copyOf(withoutAddress);
    }
}
