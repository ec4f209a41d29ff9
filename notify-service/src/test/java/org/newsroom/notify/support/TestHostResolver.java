package org.newsroom.notify.support;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.newsroom.notify.service.HostResolver;

/**
 * The tests' resolver: names a test registered resolve to the address it chooses at that moment (to simulate DNS
 * rebinding); {@code localhost} is loopback, and every other name is unknown, so that no test ever sends a DNS query
 * (or a request) beyond this machine.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestHostResolver implements HostResolver {

    private static final Map<String, Supplier<String>> ANSWERS = new ConcurrentHashMap<>();

    public static void answer(String host, Supplier<String> address) {
        ANSWERS.put(host, address);
    }

    public static void forget(String host) {
        ANSWERS.remove(host);
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        Supplier<String> answer = ANSWERS.get(host);
        if (answer != null) {
            return List.of(InetAddress.getByName(answer.get()));
        }
        if (host.equalsIgnoreCase("localhost")) {
            return List.of(InetAddress.getLoopbackAddress());
        }
        throw new UnknownHostException(host);
    }
}
