package dev.purser.engine.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The compiled device program decides like the policy it came from. The kernel runs it for real in
 * V2CgroupIT; here a small interpreter of the instructions it uses checks every rule's edges.
 */
class DeviceProgramTest {
    private static final String[] ACCESSES = {"r", "w", "m", "rw", "rm", "wm", "rwm"};
    private static final int[][] NODES = {{1, 3}, {1, 5}, {1, 7}, {1, 8}, {1, 9}, {1, 4}, {5, 0}, {5, 1}, {5, 2},
            {136, 0}, {136, 7}, {10, 200}, {10, 201}, {7, 0}, {7, 3}, {8, 0}, {4, 1}};

    @Test
    void dockersDefaultProgramDecidesAsThePolicy() {
        assertSameDecisions(DevicePolicy.dockerDefault());
    }

    @Test
    void dockersDefaultRefusesReadingABlockDeviceButAllowsItsMknod() {
        byte[] program = DeviceProgram.compile(DevicePolicy.dockerDefault());
        assertThat(run(program, 'b', 7, 0, "r")).isZero();
        assertThat(run(program, 'b', 7, 0, "w")).isZero();
        assertThat(run(program, 'b', 7, 0, "m")).isOne();
        assertThat(run(program, 'c', 1, 3, "rw")).isOne();
    }

    @Test
    void privilegedProgramAllowsEverything() {
        byte[] program = DeviceProgram.compile(DevicePolicy.privileged());
        assertThat(run(program, 'b', 8, 0, "rwm")).isOne();
        assertSameDecisions(DevicePolicy.privileged());
    }

    @Test
    void ruleForBothTypesMatchesEither() {
        assertSameDecisions(new DevicePolicy(false, List.of(new DeviceRule('a', 4, DeviceRule.ANY, "rw"))));
    }

    private static void assertSameDecisions(DevicePolicy policy) {
        byte[] program = DeviceProgram.compile(policy);
        for (char type : new char[] {'c', 'b'}) {
            for (int[] node : NODES) {
                for (String access : ACCESSES) {
                    assertThat(run(program, type, node[0], node[1], access) == 1)
                            .as("%s %d:%d %s", type, node[0], node[1], access)
                            .isEqualTo(policy.allows(type, node[0], node[1], access));
                }
            }
        }
    }

    /** Interprets the instructions DeviceProgram emits on a bpf_cgroup_dev_ctx. */
    private static long run(byte[] program, char type, int major, int minor, String access) {
        int acc = (access.contains("m") ? 1 : 0) | (access.contains("r") ? 2 : 0) | (access.contains("w") ? 4 : 0);
        int[] ctx = {(acc << 16) | (type == 'b' ? 1 : 2), major, minor};
        long[] reg = new long[11];
        ByteBuffer b = ByteBuffer.wrap(program).order(ByteOrder.LITTLE_ENDIAN);
        int pc = 0;
        for (int steps = 0; steps < 10_000; steps++) {
            int op = b.get(pc * 8) & 0xff;
            int regs = b.get(pc * 8 + 1) & 0xff;
            int dst = regs & 0xf;
            int src = regs >> 4;
            short off = b.getShort(pc * 8 + 2);
            int imm = b.getInt(pc * 8 + 4);
            pc++;
            switch (op) {
                case 0x61 -> reg[dst] = ctx[off / 4] & 0xffffffffL;
                case 0x54 -> reg[dst] = (reg[dst] & imm) & 0xffffffffL;
                case 0x74 -> reg[dst] = ((reg[dst] & 0xffffffffL) >>> imm) & 0xffffffffL;
                case 0xbc -> reg[dst] = reg[src] & 0xffffffffL;
                case 0xb7 -> reg[dst] = imm;
                case 0x55 -> pc += reg[dst] != (long) imm ? off : 0;
                case 0x95 -> {
                    return reg[0];
                }
                default -> throw new AssertionError("unexpected opcode " + Integer.toHexString(op));
            }
        }
        throw new AssertionError("program did not exit");
    }
}
