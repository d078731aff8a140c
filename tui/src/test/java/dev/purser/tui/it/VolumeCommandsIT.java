package dev.purser.tui.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purser.tui.it.InProcessDaemon.Result;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code purser volume create|ls|inspect|rm} against a real daemon: docker's output, formats,
 * filters, errors and exit codes (prune, which sees every volume, is VolumePruneIT's). Each test
 * names its own volumes, so they do not see each other's.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class VolumeCommandsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    static InProcessDaemon daemon;

    @BeforeAll
    static void startDaemon() {
        daemon = InProcessDaemon.start();
        daemon.importBusybox();
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    private static Result ok(String... args) {
        Result r = daemon.purser(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.err()).isZero();
        return r;
    }

    private static boolean exists(String name) {
        return daemon.purser("volume", "ls", "-q").out().lines().anyMatch(name::equals);
    }

    @Test
    void createPrintsTheNameAndLsShowsItUnderDriverAndVolumeName() {
        assertThat(ok("volume", "create", "create-web").outLine()).isEqualTo("create-web");
        Result ls = ok("volume", "ls", "--filter", "name=create-web");
        assertThat(ls.out()).isEqualTo("DRIVER    VOLUME NAME\nlocal     create-web\n");
    }

    @Test
    void createWithoutANameMakesAnAnonymousVolumeNamedBy64Hex() {
        String name = ok("volume", "create").outLine();
        assertThat(name).matches("[0-9a-f]{64}");
        assertThat(exists(name)).isTrue();
    }

    @Test
    void createTakesTheHiddenNameFlagAsDockerDoes() {
        assertThat(ok("volume", "create", "--name", "create-flag").outLine()).isEqualTo("create-flag");
        assertThat(exists("create-flag")).isTrue();
    }

    @Test
    void aNameGivenTwiceIsRefusedAndCreatesNothing() {
        Result r = daemon.purser("volume", "create", "--name", "twice-a", "twice-b");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("conflicting options: cannot specify a volume-name through both --name and as a positional arg");
        assertThat(exists("twice-a") || exists("twice-b")).isFalse();
    }

    @Test
    void twoArgumentsAreAUsageError() {
        Result r = daemon.purser("volume", "create", "args-a", "args-b");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("purser: 'purser volume create' requires at most 1 argument\n\nUsage:  purser volume create [OPTIONS] [VOLUME]\n");
    }

    @Test
    void aNameWithASlashIsTheDaemonsErrorAndCreatesNothing() {
        Result r = daemon.purser("volume", "create", "bad/name");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("Error response from daemon: ").contains("includes invalid characters for a local volume name");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anUnknownDriverIsRefusedAndCreatesNothing() {
        Result r = daemon.purser("volume", "create", "-d", "nosuch", "driver-nosuch");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("Error response from daemon: ").contains("nosuch");
        assertThat(exists("driver-nosuch")).isFalse();
    }

    @Test
    void aDriverOptionIsRefusedNamingItAndCreatesNothing() {
        Result r = daemon.purser("volume", "create", "-o", "type=tmpfs", "opt-tmpfs");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("Error response from daemon: ").contains("type");
        assertThat(exists("opt-tmpfs")).isFalse();
    }

    @Test
    void labelsReachTheVolume() throws Exception {
        ok("volume", "create", "--label", "tier=db", "--label", "backup", "labelled");
        JsonNode labels = JSON.readTree(ok("volume", "inspect", "-f", "{{json .Labels}}", "labelled").out());
        assertThat(labels.path("tier").asText()).isEqualTo("db");
        assertThat(labels.has("backup")).isTrue();
        assertThat(ok("volume", "ls", "-f", "name=labelled", "--format", "{{.Labels}}").outLine()).isEqualTo("backup=,tier=db");
    }

    @Test
    void aLabelWithoutANameIsAUsageErrorBeforeAnyRequest() {
        Result r = daemon.purser("volume", "create", "--label", "=x", "label-empty");
        assertThat(r.exitCode()).isEqualTo(125);
        assertThat(r.err()).startsWith("invalid argument \"=x\" for \"--label\" flag: invalid label '=x': empty name\n");
        assertThat(exists("label-empty")).isFalse();
    }

    @Test
    void quietListsTheNamesOnly() {
        ok("volume", "create", "quiet-one");
        assertThat(ok("volume", "ls", "-q", "-f", "name=quiet-one").out()).isEqualTo("quiet-one\n");
    }

    @Test
    void namesAreListedInNaturalOrder() {
        ok("volume", "create", "order10");
        ok("volume", "create", "order2");
        ok("volume", "create", "order1");
        assertThat(ok("volume", "ls", "-q", "-f", "name=order").out()).isEqualTo("order1\norder2\norder10\n");
    }

    @Test
    void aTemplateShowsTheMountpointUnderTheStateRoot() {
        ok("volume", "create", "where");
        String mountpoint = ok("volume", "ls", "-f", "name=where", "--format", "{{.Name}} {{.Mountpoint}} {{.Scope}}").outLine();
        assertThat(mountpoint).isEqualTo("where " + daemon.root().resolve("volumes/where/_data") + " local");
    }

    @Test
    void aTableTemplateHasDockersHeaders() {
        ok("volume", "create", "headers");
        Result r = ok("volume", "ls", "-f", "name=headers", "--format", "table {{.Name}}\t{{.Scope}}\t{{.Links}}");
        assertThat(r.out().lines().toList()).containsExactly("VOLUME NAME   SCOPE     LINKS", "headers       local     N/A");
    }

    @Test
    void jsonFormatIsOneObjectPerVolume() throws Exception {
        ok("volume", "create", "as-json");
        JsonNode row = JSON.readTree(ok("volume", "ls", "-f", "name=as-json", "--format", "json").outLine());
        assertThat(row.path("Name").asText()).isEqualTo("as-json");
        assertThat(row.path("Driver").asText()).isEqualTo("local");
        assertThat(row.path("Size").asText()).isEqualTo("N/A");
    }

    @Test
    void aBrokenTemplateIsATemplateError() {
        Result r = daemon.purser("volume", "ls", "--format", "{{.Name");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("template parsing error: ");
    }

    @Test
    void danglingFilterListsVolumesNoContainerUses() {
        ok("volume", "create", "dangle-free");
        ok("volume", "create", "dangle-used");
        ok("create", "--name", "dangle-user", "-v", "dangle-used:/data", "busybox", "true");
        assertThat(ok("volume", "ls", "-q", "-f", "dangling=true", "-f", "name=dangle-").out()).isEqualTo("dangle-free\n");
        assertThat(ok("volume", "ls", "-q", "-f", "dangling=false", "-f", "name=dangle-").out()).isEqualTo("dangle-used\n");
    }

    @Test
    void labelFilterMatchesKeyOrKeyAndValue() {
        ok("volume", "create", "--label", "filter-tier=db", "filter-db");
        ok("volume", "create", "--label", "filter-tier=web", "filter-web");
        assertThat(ok("volume", "ls", "-q", "-f", "label=filter-tier").out()).isEqualTo("filter-db\nfilter-web\n");
        assertThat(ok("volume", "ls", "-q", "-f", "label=filter-tier=web").out()).isEqualTo("filter-web\n");
    }

    @Test
    void driverFilterMatchesTheLocalDriver() {
        ok("volume", "create", "by-driver");
        assertThat(ok("volume", "ls", "-q", "-f", "driver=local", "-f", "name=by-driver").out()).isEqualTo("by-driver\n");
        assertThat(ok("volume", "ls", "-q", "-f", "driver=other", "-f", "name=by-driver").out()).isEmpty();
    }

    @Test
    void aFilterWithoutEqualsIsAUsageError() {
        Result r = daemon.purser("volume", "ls", "-f", "dangling");
        assertThat(r.exitCode()).isEqualTo(125);
        assertThat(r.err()).startsWith("invalid argument \"dangling\" for \"-f, --filter\" flag: bad format of filter (expected name=value)\n");
    }

    @Test
    void anUnknownFilterIsTheDaemonsError() {
        Result r = daemon.purser("volume", "ls", "-f", "bogus=1");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("Error response from daemon: invalid filter 'bogus'");
    }

    @Test
    void lsTakesNoArguments() {
        Result r = daemon.purser("volume", "ls", "extra");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("purser: 'purser volume ls' accepts no arguments");
    }

    @Test
    void listIsAnAliasOfLs() {
        ok("volume", "create", "aliased");
        assertThat(ok("volume", "list", "-q", "-f", "name=aliased").out()).isEqualTo("aliased\n");
    }

    @Test
    void inspectPrintsAJsonArrayWithDockersFields() throws Exception {
        ok("volume", "create", "--label", "k=v", "inspected");
        Result r = ok("volume", "inspect", "inspected");
        assertThat(r.out()).startsWith("[\n    {\n");
        JsonNode v = JSON.readTree(r.out()).get(0);
        assertThat(v.path("Name").asText()).isEqualTo("inspected");
        assertThat(v.path("Driver").asText()).isEqualTo("local");
        assertThat(v.path("Scope").asText()).isEqualTo("local");
        assertThat(v.path("Mountpoint").asText()).isEqualTo(daemon.root().resolve("volumes/inspected/_data").toString());
        assertThat(v.path("CreatedAt").asText()).isNotEmpty();
        assertThat(v.path("Labels").path("k").asText()).isEqualTo("v");
    }

    @Test
    void inspectFormatPrintsOneLinePerVolume() {
        ok("volume", "create", "fmt-a");
        ok("volume", "create", "fmt-b");
        assertThat(ok("volume", "inspect", "-f", "{{.Name}} {{.Driver}}", "fmt-a", "fmt-b").out()).isEqualTo("fmt-a local\nfmt-b local\n");
    }

    @Test
    void inspectOfAMissingVolumeSaysSoExits1AndStillPrintsTheOthers() throws Exception {
        ok("volume", "create", "half-there");
        Result r = daemon.purser("volume", "inspect", "half-there", "never-made");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("Error response from daemon: get never-made: no such volume");
        assertThat(JSON.readTree(r.out()).size()).isEqualTo(1);
    }

    @Test
    void inspectNeedsAName() {
        Result r = daemon.purser("volume", "inspect");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("purser: 'purser volume inspect' requires at least 1 argument");
    }

    @Test
    void topLevelInspectFindsAVolume() {
        ok("volume", "create", "top-inspect");
        assertThat(ok("inspect", "--type", "volume", "-f", "{{.Name}}", "top-inspect").outLine()).isEqualTo("top-inspect");
        assertThat(ok("inspect", "-f", "{{.Driver}}", "top-inspect").outLine()).isEqualTo("local");
    }

    @Test
    void rmRemovesSeveralAndPrintsEachName() {
        ok("volume", "create", "rm-a");
        ok("volume", "create", "rm-b");
        assertThat(ok("volume", "rm", "rm-a", "rm-b").out()).isEqualTo("rm-a\nrm-b\n");
        assertThat(exists("rm-a") || exists("rm-b")).isFalse();
    }

    @Test
    void rmOfAVolumeInUseIsRefusedWithDockersMessageAndKeepsIt() {
        ok("volume", "create", "rm-used");
        String id = ok("create", "--name", "rm-user", "-v", "rm-used:/data", "busybox", "true").outLine();
        Result r = daemon.purser("volume", "rm", "rm-used");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("Error response from daemon: remove rm-used: volume is in use - [" + id + "]");
        assertThat(exists("rm-used")).isTrue();
    }

    @Test
    void rmOfAMissingVolumeSaysSoAndRemovesTheOthers() {
        ok("volume", "create", "rm-other");
        Result r = daemon.purser("volume", "rm", "rm-never-made", "rm-other");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("rm-other\n");
        assertThat(r.err().strip()).isEqualTo("Error response from daemon: get rm-never-made: no such volume");
        assertThat(exists("rm-other")).isFalse();
    }

    @Test
    void rmForceOfAMissingVolumeSucceeds() {
        Result r = ok("volume", "rm", "-f", "rm-force-never-made");
        assertThat(r.out()).isEqualTo("rm-force-never-made\n");
    }

    @Test
    void removeIsAnAliasOfRm() {
        ok("volume", "create", "rm-alias");
        assertThat(ok("volume", "remove", "rm-alias").out()).isEqualTo("rm-alias\n");
    }

    @Test
    void rmNeedsAName() {
        Result r = daemon.purser("volume", "rm");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("purser: 'purser volume rm' requires at least 1 argument");
    }

    @Test
    void psFiltersByTheVolumesNameOrItsDestination() {
        ok("volume", "create", "ps-vol");
        ok("create", "--name", "ps-vol-user", "-v", "ps-vol:/srv/data", "busybox", "true");
        ok("create", "--name", "ps-vol-other", "busybox", "true");
        assertThat(ok("ps", "-a", "--filter", "volume=ps-vol", "--format", "{{.Names}}").out()).isEqualTo("ps-vol-user\n");
        assertThat(ok("ps", "-a", "--filter", "volume=/srv/data", "--format", "{{.Names}}").out()).isEqualTo("ps-vol-user\n");
    }

    @Test
    void psMountsShowsTheVolumesName() {
        ok("volume", "create", "ps-mounts");
        ok("create", "--name", "ps-mounts-user", "-v", "ps-mounts:/data", "busybox", "true");
        assertThat(ok("ps", "-a", "--filter", "name=ps-mounts-user", "--format", "{{.Mounts}} {{.LocalVolumes}}").outLine())
                .isEqualTo("ps-mounts 1");
    }

    @Test
    void rmMinusVRemovesTheAnonymousVolumesAndKeepsTheNamedOnes() throws Exception {
        ok("volume", "create", "rmv-named");
        ok("create", "--name", "rmv-user", "-v", "rmv-named:/named", "-v", "/anonymous", "busybox", "true");
        String anonymous = null;
        for (JsonNode m : JSON.readTree(ok("inspect", "-f", "{{json .Mounts}}", "rmv-user").out())) {
            if (m.path("Destination").asText().equals("/anonymous")) anonymous = m.path("Name").asText();
        }
        assertThat(anonymous).matches("[0-9a-f]{64}");
        assertThat(exists(anonymous)).isTrue();
        assertThat(ok("rm", "-v", "rmv-user").outLine()).isEqualTo("rmv-user");
        assertThat(exists(anonymous)).isFalse();
        assertThat(exists("rmv-named")).isTrue();
    }

    @Test
    void rmWithoutVKeepsTheAnonymousVolume() throws Exception {
        ok("create", "--name", "rm-keeps", "-v", "/kept", "busybox", "true");
        String anonymous = JSON.readTree(ok("inspect", "-f", "{{json .Mounts}}", "rm-keeps").out()).get(0).path("Name").asText();
        ok("rm", "rm-keeps");
        assertThat(exists(anonymous)).isTrue();
    }
}
