package dev.purser.tui.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code --add-host}, {@code --dns} and {@code --dns-search} checked and written as the docker
 * CLI does (its opts package), with pflag's wording for a bad value: the daemon gets
 * {@code NAME:IP} whichever of docker's spellings ({@code NAME=IP}, {@code NAME:[IPv6]}) was typed.
 */
final class NameFlags {
    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    /** docker's domainRegexp: labels of letters, digits and inner hyphens, an optional final dot. */
    private static final Pattern DOMAIN = Pattern.compile(
            "([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(\\.([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*\\.?\\s*");

    private NameFlags() {}

    static List<String> dns(List<String> values) {
        for (String v : values) {
            if (!isIp(v.trim())) {
                throw bad(v, "--dns", "IP address is not correctly formatted: " + v);
            }
        }
        return values.stream().map(String::trim).toList();
    }

    static List<String> dnsSearch(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            String d = v.strip();
            if (!d.equals(".") && (!d.matches(".*[a-zA-Z].*") || !DOMAIN.matcher(d).matches() || d.length() >= 255)) {
                throw bad(v, "--dns-search", d + " is not a valid domain");
            }
            out.add(d);
        }
        return out;
    }

    /** {@code --link NAME[:ALIAS]}, checked as the docker CLI's ValidateLink does and sent as given. */
    static List<String> links(List<String> values) {
        for (String v : values) {
            if (v.isEmpty()) {
                throw bad(v, "--link", "empty string specified for links");
            }
            if (v.split(":", -1).length > 2) {
                throw bad(v, "--link", "bad format for links: " + v);
            }
        }
        return values;
    }

    static List<String> addHosts(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            int sep = v.indexOf('=');
            if (sep < 0) {
                sep = v.indexOf(':');
            }
            String name = sep < 0 ? "" : v.substring(0, sep);
            if (sep < 0 || name.isEmpty() || name.contains(":")) {
                throw bad(v, "--add-host", "bad format for add-host: \"" + v + "\"");
            }
            String ip = v.substring(sep + 1);
            if (!ip.equals("host-gateway")) {
                if (ip.length() > 2 && ip.charAt(0) == '[' && ip.charAt(ip.length() - 1) == ']') {
                    ip = ip.substring(1, ip.length() - 1);
                }
                if (!isIp(ip.trim())) {
                    throw bad(v, "--add-host", "invalid IP address in add-host: \"" + ip + "\"");
                }
            }
            out.add(name + ":" + ip);
        }
        return out;
    }

    private static boolean isIp(String s) {
        if (IPV4.matcher(s).matches()) {
            return true;
        }
        if (!IPV6.matcher(s).matches()) {
            return false;
        }
        try {
            // brackets: a spelling that is not an IPv6 literal fails instead of being looked up
            InetAddress.getByName("[" + s + "]");
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static CreateBody.FlagValueException bad(String value, String flag, String why) {
        return new CreateBody.FlagValueException("invalid argument \"" + value + "\" for \"" + flag + "\" flag: " + why);
    }
}
