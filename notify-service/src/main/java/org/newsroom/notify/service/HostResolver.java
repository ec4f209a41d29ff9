package org.newsroom.notify.service;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Name resolution seam of the SSRF guard: production asks the system resolver, tests substitute their own answers. */
public interface HostResolver {

    /** Every address the host name resolves to (never empty). */
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
