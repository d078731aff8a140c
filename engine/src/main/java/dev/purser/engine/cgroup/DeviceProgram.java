package dev.purser.engine.cgroup;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link DevicePolicy} as the eBPF program cgroup v2 uses in place of v1's devices.allow: a
 * {@code BPF_PROG_TYPE_CGROUP_DEVICE} program, run by the kernel on every open and mknod of a
 * device node by a process in the group, that returns 1 to allow and 0 to refuse (EPERM).
 *
 * <p>The program reads {@code struct bpf_cgroup_dev_ctx} (access type in the high 16 bits and
 * node type in the low 16 of the first word, then major, then minor), tests the rules in order,
 * and falls through to "deny". Each rule is one block of conditional jumps past its own end.
 */
public final class DeviceProgram {
    // struct bpf_cgroup_dev_ctx and include/uapi/linux/bpf.h's BPF_DEVCG_* values.
    private static final int DEV_BLOCK = 1;
    private static final int DEV_CHAR = 2;
    private static final int ACC_MKNOD = 1;
    private static final int ACC_READ = 2;
    private static final int ACC_WRITE = 4;

    // Opcodes: class | operation | source.
    private static final int LDX_MEM_W = 0x61;
    private static final int ALU32_AND_K = 0x54;
    private static final int ALU32_RSH_K = 0x74;
    private static final int ALU32_MOV_X = 0xbc;
    private static final int ALU64_MOV_K = 0xb7;
    private static final int JMP_JNE_K = 0x55;
    private static final int EXIT = 0x95;

    // Registers: r1 holds the context on entry and is reused as scratch once it has been read.
    private static final int R0 = 0;
    private static final int R1 = 1;
    private static final int TYPE = 2;
    private static final int ACCESS = 3;
    private static final int MAJOR = 4;
    private static final int MINOR = 5;

    private DeviceProgram() {}

    /** The program's instructions, 8 bytes each, in the host's (little-endian) byte order. */
    public static byte[] compile(DevicePolicy policy) {
        List<long[]> out = new ArrayList<>();
        out.add(insn(LDX_MEM_W, TYPE, R1, 0, 0));
        out.add(insn(ALU32_AND_K, TYPE, 0, 0, 0xffff));
        out.add(insn(LDX_MEM_W, ACCESS, R1, 0, 0));
        out.add(insn(ALU32_RSH_K, ACCESS, 0, 0, 16));
        out.add(insn(LDX_MEM_W, MAJOR, R1, 4, 0));
        out.add(insn(LDX_MEM_W, MINOR, R1, 8, 0));
        List<DeviceRule> rules = policy.allowAll()
                ? List.of(new DeviceRule('a', DeviceRule.ANY, DeviceRule.ANY, "rwm"))
                : policy.allowed();
        for (DeviceRule rule : rules) {
            List<long[]> block = new ArrayList<>();
            List<Integer> exits = new ArrayList<>(); // jumps that leave the block when the rule does not match
            if (rule.type() != 'a') {
                exits.add(block.size());
                block.add(insn(JMP_JNE_K, TYPE, 0, 0, rule.type() == 'c' ? DEV_CHAR : DEV_BLOCK));
            }
            int allowed = access(rule.access());
            if (allowed != (ACC_MKNOD | ACC_READ | ACC_WRITE)) {
                // every requested access must be allowed: (access & ~allowed) == 0
                block.add(insn(ALU32_MOV_X, R1, ACCESS, 0, 0));
                block.add(insn(ALU32_AND_K, R1, 0, 0, ~allowed));
                exits.add(block.size());
                block.add(insn(JMP_JNE_K, R1, 0, 0, 0));
            }
            if (rule.major() != DeviceRule.ANY) {
                exits.add(block.size());
                block.add(insn(JMP_JNE_K, MAJOR, 0, 0, rule.major()));
            }
            if (rule.minor() != DeviceRule.ANY) {
                exits.add(block.size());
                block.add(insn(JMP_JNE_K, MINOR, 0, 0, rule.minor()));
            }
            block.add(insn(ALU64_MOV_K, R0, 0, 0, 1));
            block.add(insn(EXIT, 0, 0, 0, 0));
            for (int at : exits) {
                block.get(at)[3] = block.size() - (at + 1);
            }
            out.addAll(block);
        }
        out.add(insn(ALU64_MOV_K, R0, 0, 0, 0));
        out.add(insn(EXIT, 0, 0, 0, 0));
        return encode(out);
    }

    private static int access(String access) {
        int bits = 0;
        for (char c : access.toCharArray()) {
            bits |= switch (c) {
                case 'r' -> ACC_READ;
                case 'w' -> ACC_WRITE;
                case 'm' -> ACC_MKNOD;
                default -> throw new IllegalArgumentException("device access " + c);
            };
        }
        return bits;
    }

    /** {opcode, dst, src, offset, imm} until encoded. */
    private static long[] insn(int opcode, int dst, int src, int offset, int imm) {
        return new long[] {opcode, dst, src, offset, imm};
    }

    private static byte[] encode(List<long[]> insns) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(insns.size() * 8);
        for (long[] i : insns) {
            b.write((int) i[0]);
            b.write((int) ((i[2] << 4) | i[1]));
            b.write((int) (i[3] & 0xff));
            b.write((int) ((i[3] >> 8) & 0xff));
            int imm = (int) i[4];
            for (int s = 0; s < 32; s += 8) {
                b.write((imm >> s) & 0xff);
            }
        }
        return b.toByteArray();
    }
}
