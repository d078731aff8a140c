package dev.purser.engine.network;

import java.util.ArrayList;
import java.util.List;

/**
 * A network create's subnet and address range as given (host bits and all), checked as Docker's
 * daemon checks an IPAM config: the subnet without host bits, the range inside it, no bigger
 * and without host bits. Every problem is reported at once, with Docker's words.
 *
 * @param subnet  null when none was given with a range
 * @param ipRange null when none was given
 */
record IpamConfig(Ipv4Cidr subnet, Ipv4Cidr ipRange) {

    /** Each problem, in Docker's order; empty when the config is sound. */
    List<String> problems() {
        List<String> out = new ArrayList<>();
        if (subnet == null) {
            out.add("invalid subnet : invalid CIDR block notation");
            return out;
        }
        if (!subnet.address().equals(subnet.network())) {
            out.add("invalid subnet " + subnet + ": it should be " + subnet.subnet());
        }
        if (ipRange != null) {
            if (ipRange.prefixLength() < subnet.prefixLength()) {
                out.add("invalid ip-range " + ipRange + ": CIDR block is bigger than its parent subnet " + subnet);
            }
            if (!ipRange.address().equals(ipRange.network())) {
                out.add("invalid ip-range " + ipRange + ": it should be " + ipRange.subnet());
            }
            if (!subnet.overlaps(ipRange)) {
                out.add("invalid ip-range " + ipRange + ": parent subnet " + subnet + " doesn't contain ip-range");
            }
        }
        return out;
    }

    /** Refuses a config with problems, all of them in one message as Docker joins them. */
    void refuse() {
        List<String> problems = problems();
        if (problems.isEmpty()) {
            return;
        }
        String joined = problems.size() == 1 ? problems.get(0) : "* " + String.join("\n* ", problems);
        throw new NetworkRefusedException(NetworkRefusedException.Reason.INVALID, "invalid network config:\n" + joined);
    }
}
