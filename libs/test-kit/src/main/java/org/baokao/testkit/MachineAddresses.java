package org.baokao.testkit;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * This machine's own addresses other than loopback, for a test that must call a server the way another machine
 * would: the server sees a peer that is not 127.0.0.1, so whatever it grants loopback alone (believing
 * {@code X-Forwarded-For}, reading metrics) is not granted.
 */
public final class MachineAddresses {

    private MachineAddresses() {
    }

    /** Addresses of interfaces that are up, loopback and link-local ones left out; IPv4 first. */
    public static List<InetAddress> nonLoopback() {
        try {
            return NetworkInterface.networkInterfaces()
                    .filter(MachineAddresses::isUp)
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                    .sorted(Comparator.comparing(address -> address instanceof Inet4Address ? 0 : 1))
                    .toList();
        } catch (SocketException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first IPv4 one, if the machine has one. */
    public static Optional<InetAddress> ipv4() {
        return nonLoopback().stream().filter(Inet4Address.class::isInstance).findFirst();
    }

    /**
     * One in a private range (10/8, 172.16/12, 192.168/16, IPv6 unique-local fc00::/7): the ranges proxies trust by
     * default (Tomcat's RemoteIpValve), so a call from it is the one such a default would wrongly believe.
     */
    public static Optional<InetAddress> privateRange() {
        return nonLoopback().stream().filter(MachineAddresses::isPrivate).findFirst();
    }

    /** {@code http://ADDRESS:PORT}, IPv6 in brackets. */
    public static String baseUrl(InetAddress address, int port) {
        String host = address.getHostAddress().replaceFirst("%.*$", "");
        return "http://" + (address instanceof Inet6Address ? "[" + host + "]" : host) + ":" + port;
    }

    private static boolean isPrivate(InetAddress address) {
        if (address instanceof Inet6Address) {
            return (address.getAddress()[0] & 0xfe) == 0xfc;
        }
        return address.isSiteLocalAddress();
    }

    private static boolean isUp(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
