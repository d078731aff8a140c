package dev.purser.engine.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.purser.engine.seccomp.InvalidProfileException;
import dev.purser.engine.seccomp.SeccompProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HostConfig.SecurityOpt read as dockerd reads it. */
class SecurityOptionsTest {

    @Test
    void nothingMeansDockersDefaultProfile() {
        assertThat(SecurityOptions.parse(List.of()).seccompProfile(false)).containsSame(SeccompProfile.dockerDefault());
    }

    @Test
    void builtinMeansDockersDefaultProfile() {
        assertThat(SecurityOptions.parse(List.of("seccomp=builtin")).seccompProfile(false))
                .containsSame(SeccompProfile.dockerDefault());
    }

    @Test
    void unconfinedMeansNoProfile() {
        assertThat(SecurityOptions.parse(List.of("seccomp=unconfined")).seccompProfile(false)).isEmpty();
    }

    @Test
    void theOldColonSpellingStillWorks() {
        assertThat(SecurityOptions.parse(List.of("seccomp:unconfined")).seccompProfile(false)).isEmpty();
    }

    @Test
    void privilegedMeansNoProfileUnlessOneIsGiven() {
        assertThat(SecurityOptions.parse(List.of()).seccompProfile(true)).isEmpty();
        assertThat(SecurityOptions.parse(List.of("seccomp={\"defaultAction\":\"SCMP_ACT_ALLOW\"}")).seccompProfile(true))
                .isPresent();
    }

    @Test
    void aProfileIsTheJsonTheClientSent() {
        assertThat(SecurityOptions.parse(List.of("seccomp={\"defaultAction\":\"SCMP_ACT_LOG\"}")).seccompProfile(false))
                .isPresent();
    }

    @Test
    void aMalformedProfileIsRefused() {
        SecurityOptions opts = SecurityOptions.parse(List.of("seccomp={\"defaultAction\""));
        assertThatThrownBy(() -> opts.seccompProfile(false)).isInstanceOf(InvalidProfileException.class)
                .hasMessageStartingWith("Decoding seccomp profile failed: ");
    }

    @Test
    void noNewPrivilegesBareOrWithABoolean() {
        assertThat(SecurityOptions.parse(List.of("no-new-privileges")).noNewPrivileges()).isTrue();
        assertThat(SecurityOptions.parse(List.of("no-new-privileges=true")).noNewPrivileges()).isTrue();
        assertThat(SecurityOptions.parse(List.of("no-new-privileges:1")).noNewPrivileges()).isTrue();
        assertThat(SecurityOptions.parse(List.of("no-new-privileges", "no-new-privileges=false")).noNewPrivileges()).isFalse();
    }

    @Test
    void noNewPrivilegesWithANonBooleanIsRefusedWithDockersMessage() {
        assertThatThrownBy(() -> SecurityOptions.parse(List.of("no-new-privileges=maybe")))
                .hasMessage("invalid --security-opt 2: \"no-new-privileges=maybe\"");
    }

    @Test
    void anOptionWithoutValueIsRefusedWithDockersMessage() {
        assertThatThrownBy(() -> SecurityOptions.parse(List.of("seccomp")))
                .hasMessage("invalid --security-opt 1: \"seccomp\"");
    }

    @Test
    void anUnknownOptionIsRefusedWithDockersMessage() {
        assertThatThrownBy(() -> SecurityOptions.parse(List.of("frobnicate=\"yes\"")))
                .hasMessage("invalid --security-opt 2: \"frobnicate=\\\"yes\\\"\"");
    }

    @Test
    void dockerOptionsPurserDoesNotApplyAreRefusedByName() {
        for (String opt : List.of("apparmor=unconfined", "label=disable", "label:user:u", "disable", "writable-cgroups")) {
            assertThatThrownBy(() -> SecurityOptions.parse(List.of(opt))).as(opt)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("purser does not support HostConfig.SecurityOpt");
        }
    }
}
