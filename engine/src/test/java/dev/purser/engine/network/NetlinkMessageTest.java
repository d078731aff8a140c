package dev.purser.engine.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class NetlinkMessageTest {
    private static ByteBuffer le(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.nativeOrder());
    }

    @Test
    void headerCarriesTotalLengthTypeFlagsAndSequence() {
        byte[] m = NetlinkMessage.of(Netlink.RTM_NEWLINK, Netlink.NLM_F_CREATE).ifinfo(7, 1, 1).bytes(42);
        assertThat(m).hasSize(16 + 16);
        assertThat(le(m).getInt(0)).isEqualTo(32);
        assertThat(le(m).getShort(4)).isEqualTo((short) Netlink.RTM_NEWLINK);
        assertThat(le(m).getShort(6)).isEqualTo((short) Netlink.NLM_F_CREATE);
        assertThat(le(m).getInt(8)).isEqualTo(42);
        assertThat(le(m).getInt(16 + 4)).as("ifi_index").isEqualTo(7);
        assertThat(le(m).getInt(16 + 8)).as("ifi_flags").isEqualTo(1);
        assertThat(le(m).getInt(16 + 12)).as("ifi_change").isEqualTo(1);
    }

    @Test
    void stringAttributeIsNulTerminatedAndPaddedToFourBytes() {
        byte[] m = NetlinkMessage.of(Netlink.RTM_NEWLINK, 0).attribute(Netlink.IFLA_IFNAME, "br0").bytes(1);
        // rtattr: length 4 + "br0\0" = 8, no padding needed
        assertThat(le(m).getShort(16)).isEqualTo((short) 8);
        assertThat(le(m).getShort(18)).isEqualTo((short) Netlink.IFLA_IFNAME);
        assertThat(new String(m, 20, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("br0\0");
        byte[] odd = NetlinkMessage.of(Netlink.RTM_NEWLINK, 0).attribute(Netlink.IFLA_IFNAME, "eth0").bytes(1);
        // length 4 + 5 = 9 recorded, 12 taken
        assertThat(le(odd).getShort(16)).isEqualTo((short) 9);
        assertThat(odd).hasSize(16 + 12);
    }

    @Test
    void nestedAttributeLengthCoversWhatIsInsideIt() {
        byte[] m = NetlinkMessage.of(Netlink.RTM_NEWLINK, 0)
                .begin(Netlink.IFLA_LINKINFO).attribute(Netlink.IFLA_INFO_KIND, "veth")
                .begin(Netlink.IFLA_INFO_DATA).begin(Netlink.VETH_INFO_PEER).ifinfo(0, 0, 0)
                .attribute(Netlink.IFLA_IFNAME, "eth0").end().end().end()
                .bytes(1);
        // linkinfo = 4 + kind(4+5 -> 12) + data(4 + peer(4 + 16 + name 12)) = 52
        assertThat(le(m).getShort(16)).isEqualTo((short) 52);
        assertThat(le(m).getShort(16 + 4 + 12)).as("IFLA_INFO_DATA length").isEqualTo((short) 36);
        assertThat(le(m).getShort(16 + 4 + 12 + 4)).as("VETH_INFO_PEER length").isEqualTo((short) 32);
        assertThat(le(m).getInt(0)).isEqualTo(16 + 52);
    }

    @Test
    void integerAttributeAndAddressBytes() {
        byte[] m = NetlinkMessage.of(Netlink.RTM_NEWADDR, 0).ifaddr(16, 0, 3)
                .attribute(Netlink.IFA_LOCAL, Ipv4Address.parse("172.17.0.1").bytes())
                .attribute(Netlink.IFLA_MTU, 1400).bytes(1);
        assertThat(m[16]).as("family").isEqualTo((byte) Netlink.AF_INET);
        assertThat(m[17]).as("prefix").isEqualTo((byte) 16);
        assertThat(le(m).getInt(20)).as("index").isEqualTo(3);
        assertThat(new byte[] {m[28], m[29], m[30], m[31]}).containsExactly(172, 17, 0, 1);
        assertThat(le(m).getInt(36)).isEqualTo(1400);
    }

    @Test
    void repliesAreParsedBackIntoAttributes() {
        byte[] m = NetlinkMessage.of(Netlink.RTM_NEWLINK, 0).attribute(Netlink.IFLA_IFNAME, "purser0")
                .attribute(Netlink.IFLA_MTU, 1500)
                .begin(Netlink.IFLA_LINKINFO).attribute(Netlink.IFLA_INFO_KIND, "bridge").end().bytes(1);
        NetlinkAttributes a = NetlinkAttributes.parse(m, 16, m.length);
        assertThat(a.string(Netlink.IFLA_IFNAME)).contains("purser0");
        assertThat(a.integer(Netlink.IFLA_MTU)).contains(1500);
        assertThat(a.nested(Netlink.IFLA_LINKINFO).flatMap(i -> i.string(Netlink.IFLA_INFO_KIND))).contains("bridge");
    }
}
