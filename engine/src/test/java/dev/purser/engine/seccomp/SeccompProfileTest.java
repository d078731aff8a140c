package dev.purser.engine.seccomp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.purser.engine.runtime.Capabilities;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Docker's default profile and users' profiles, resolved as moby and runc resolve them. */
class SeccompProfileTest {
    private static final Platform AMD64 = new Platform("amd64", 6, 1);
    private static final Platform ARM64 = new Platform("arm64", 6, 1);
    private static final Set<String> DEFAULT_CAPS = Set.copyOf(Capabilities.DOCKER_DEFAULTS);

    private static SeccompFilter docker(Set<String> caps, Platform platform) {
        return SeccompProfile.dockerDefault().resolve(caps, platform).orElseThrow();
    }

    private static Set<String> with(String cap) {
        Set<String> caps = new HashSet<>(DEFAULT_CAPS);
        caps.add(cap);
        return caps;
    }

    private static List<String> actions(SeccompFilter f, String syscall) {
        return f.rulesFor(syscall).stream().map(SeccompFilter.Rule::action).toList();
    }

    @Test
    void defaultProfileRefusesWhatItDoesNotListWithEperm() {
        assertThat(docker(DEFAULT_CAPS, AMD64).defaultAction()).isEqualTo("errno:1");
    }

    @Test
    void defaultProfileAllowsOrdinarySyscalls() {
        SeccompFilter f = docker(DEFAULT_CAPS, AMD64);
        for (String syscall : List.of("read", "write", "openat", "execve", "close_range", "capset", "setresuid")) {
            assertThat(actions(f, syscall)).as(syscall).containsExactly("allow");
        }
    }

    @Test
    void defaultProfileListsNothingForKeyringsKexecBpfUserfaultfdOrUnshareWithDefaultCaps() {
        SeccompFilter f = docker(DEFAULT_CAPS, AMD64);
        for (String syscall : List.of("keyctl", "add_key", "request_key", "kexec_load", "bpf", "userfaultfd",
                "unshare", "mount", "reboot", "setns")) {
            assertThat(f.rulesFor(syscall)).as(syscall).isEmpty();
        }
    }

    @Test
    void sysAdminCapabilityBringsMountUnshareAndBpf() {
        SeccompFilter f = docker(with("CAP_SYS_ADMIN"), AMD64);
        for (String syscall : List.of("mount", "umount2", "unshare", "setns", "bpf", "clone3")) {
            assertThat(actions(f, syscall)).as(syscall).contains("allow");
        }
    }

    @Test
    void sysBootCapabilityBringsRebootButNotKexec() {
        SeccompFilter f = docker(with("CAP_SYS_BOOT"), AMD64);
        assertThat(actions(f, "reboot")).containsExactly("allow");
        assertThat(f.rulesFor("kexec_load")).isEmpty();
    }

    @Test
    void cloneWithoutSysAdminIsAllowedOnlyWithoutNamespaceFlags() {
        List<SeccompFilter.Rule> clone = docker(DEFAULT_CAPS, AMD64).rulesFor("clone");
        assertThat(clone).hasSize(1);
        // CLONE_NEWNS|NEWCGROUP|NEWUTS|NEWIPC|NEWUSER|NEWPID|NEWNET masked out of the first argument
        assertThat(clone.get(0).conditions()).containsExactly(new SeccompFilter.Condition(0, "masked_eq", 2114060288L, 0));
    }

    @Test
    void cloneWithSysAdminIsAllowedWithoutConditions() {
        List<SeccompFilter.Rule> clone = docker(with("CAP_SYS_ADMIN"), AMD64).rulesFor("clone");
        assertThat(clone).hasSize(1);
        assertThat(clone.get(0).conditions()).isEmpty();
    }

    @Test
    void clone3WithoutSysAdminFailsWithEnosysSoThatLibcFallsBackToClone() {
        assertThat(actions(docker(DEFAULT_CAPS, AMD64), "clone3")).containsExactly("errno:38");
    }

    @Test
    void argumentRulesOnTheSameArgumentStaySeparateRules() {
        List<SeccompFilter.Rule> personality = docker(DEFAULT_CAPS, AMD64).rulesFor("personality");
        assertThat(personality).extracting(r -> r.conditions().get(0).value())
                .containsExactly(0L, 8L, 131072L, 131080L, 4294967295L);
        assertThat(personality).allSatisfy(r -> assertThat(r.conditions()).hasSize(1));
    }

    @Test
    void hostArchitectureSelectsItsSubArchitectures() {
        assertThat(docker(DEFAULT_CAPS, AMD64).architectures()).containsExactly("x86_64", "x86", "x32");
        assertThat(docker(DEFAULT_CAPS, ARM64).architectures()).containsExactly("aarch64", "arm");
    }

    @Test
    void architectureIncludesPickTheHostsOwnSyscalls() {
        assertThat(docker(DEFAULT_CAPS, AMD64).rulesFor("arch_prctl")).hasSize(1);
        assertThat(docker(DEFAULT_CAPS, ARM64).rulesFor("arch_prctl")).isEmpty();
        assertThat(docker(DEFAULT_CAPS, ARM64).rulesFor("arm_fadvise64_64")).hasSize(1);
    }

    @Test
    void minKernelIncludesFollowTheHostsKernel() {
        assertThat(docker(DEFAULT_CAPS, new Platform("amd64", 4, 8)).rulesFor("ptrace")).hasSize(1);
        assertThat(docker(DEFAULT_CAPS, new Platform("amd64", 4, 7)).rulesFor("ptrace")).isEmpty();
    }

    @Test
    void textIsTheStagesFormat() {
        SeccompFilter f = SeccompProfile.parse("""
                {"defaultAction":"SCMP_ACT_ALLOW","architectures":["SCMP_ARCH_X86_64"],"syscalls":[
                 {"names":["mkdir","mkdirat"],"action":"SCMP_ACT_ERRNO","errnoRet":13},
                 {"name":"socket","action":"SCMP_ACT_KILL_PROCESS","args":[
                   {"index":0,"value":16,"op":"SCMP_CMP_EQ"},{"index":2,"value":255,"valueTwo":9,"op":"SCMP_CMP_MASKED_EQ"}]}]}
                """).resolve(DEFAULT_CAPS, AMD64).orElseThrow();
        assertThat(f.text()).isEqualTo("""
                default allow
                arch x86_64
                errno:13 mkdir
                errno:13 mkdirat
                kill_process socket 0:eq:16:0 2:masked_eq:255:9
                """);
    }

    @Test
    void errnoWithoutErrnoRetIsEperm() {
        SeccompFilter f = SeccompProfile.parse("""
                {"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["mkdir"],"action":"SCMP_ACT_ERRNO"}]}
                """).resolve(DEFAULT_CAPS, AMD64).orElseThrow();
        assertThat(actions(f, "mkdir")).containsExactly("errno:1");
    }

    @Test
    void rulesWithTheDefaultActionAreLeftOut() {
        SeccompFilter f = SeccompProfile.parse("""
                {"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["read"],"action":"SCMP_ACT_ALLOW"}]}
                """).resolve(DEFAULT_CAPS, AMD64).orElseThrow();
        assertThat(f.rules()).isEmpty();
    }

    @Test
    void fieldNamesMatchWithoutRegardToCaseAsInGo() {
        SeccompFilter f = SeccompProfile.parse("""
                {"DefaultAction":"SCMP_ACT_ALLOW","Syscalls":[{"Names":["mkdir"],"Action":"SCMP_ACT_ERRNO"}]}
                """).resolve(DEFAULT_CAPS, AMD64).orElseThrow();
        assertThat(actions(f, "mkdir")).containsExactly("errno:1");
    }

    @Test
    void anEmptyProfileTurnsSeccompOffAsInMoby() {
        assertThat(SeccompProfile.parse("{}").resolve(DEFAULT_CAPS, AMD64)).isEmpty();
    }

    @Test
    void malformedJsonIsRefusedWithDockersMessage() {
        assertThatThrownBy(() -> SeccompProfile.parse("{\"defaultAction\":"))
                .isInstanceOf(InvalidProfileException.class)
                .hasMessageStartingWith("Decoding seccomp profile failed: ");
    }

    @Test
    void unknownActionIsRefused() {
        assertThatThrownBy(() -> SeccompProfile.parse("{\"defaultAction\":\"SCMP_ACT_BOGUS\"}"))
                .isInstanceOf(InvalidProfileException.class).hasMessageContaining("SCMP_ACT_BOGUS");
    }

    @Test
    void unknownOperatorIsRefused() {
        assertThatThrownBy(() -> SeccompProfile.parse("""
                {"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["socket"],"action":"SCMP_ACT_ERRNO",
                 "args":[{"index":0,"value":1,"op":"SCMP_CMP_ROUGHLY"}]}]}
                """)).isInstanceOf(InvalidProfileException.class).hasMessageContaining("SCMP_CMP_ROUGHLY");
    }

    @Test
    void argumentIndexBeyondSixArgumentsIsRefused() {
        assertThatThrownBy(() -> SeccompProfile.parse("""
                {"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["socket"],"action":"SCMP_ACT_ERRNO",
                 "args":[{"index":6,"value":1,"op":"SCMP_CMP_EQ"}]}]}
                """)).isInstanceOf(InvalidProfileException.class).hasMessageContaining("index 6");
    }

    @Test
    void nameAndNamesTogetherAreRefusedWithDockersMessage() {
        assertThatThrownBy(() -> SeccompProfile.parse("""
                {"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"name":"a","names":["b"],"action":"SCMP_ACT_ERRNO"}]}
                """)).hasMessage("both 'name' and 'names' are specified in the seccomp profile, use either 'name' or 'names'");
    }

    @Test
    void architecturesAndArchMapTogetherAreRefusedWithDockersMessage() {
        assertThatThrownBy(() -> SeccompProfile.parse("""
                {"defaultAction":"SCMP_ACT_ALLOW","architectures":["SCMP_ARCH_X86_64"],
                 "archMap":[{"architecture":"SCMP_ARCH_X86_64","subArchitectures":[]}]}
                """)).hasMessage("both 'architectures' and 'archMap' are specified in the seccomp profile, "
                + "use either 'architectures' or 'archMap'");
    }

    @Test
    void unknownArchitectureIsRefused() {
        assertThatThrownBy(() -> SeccompProfile.parse("{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"architectures\":[\"SCMP_ARCH_Z80\"]}"))
                .isInstanceOf(InvalidProfileException.class).hasMessageContaining("SCMP_ARCH_Z80");
    }

    @Test
    void badMinKernelIsRefusedWithDockersMessage() {
        assertThatThrownBy(() -> SeccompProfile.parse("""
                {"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["a"],"action":"SCMP_ACT_ERRNO","includes":{"minKernel":"4"}}]}
                """)).hasMessage("invalid kernel version: \"4\", expected \"<kernel>.<major>\"");
    }

    @Test
    void notifyAndFlagsWhichPurserDoesNotApplyAreRefused() {
        assertThatThrownBy(() -> SeccompProfile.parse("{\"defaultAction\":\"SCMP_ACT_NOTIFY\"}"))
                .hasMessageContaining("SCMP_ACT_NOTIFY").hasMessageContaining("not supported");
        assertThatThrownBy(() -> SeccompProfile.parse("{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"flags\":[\"SECCOMP_FILTER_FLAG_LOG\"]}"))
                .hasMessageContaining("SECCOMP_FILTER_FLAG_LOG").hasMessageContaining("not supported");
    }
}
