package dev.purser.tui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purser.tui.format.TableFormat;
import dev.purser.tui.view.ContainerRow;
import dev.purser.tui.view.VolumeRow;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** volume ls's formats and system df's volume figures, from the daemon's JSON as docker reads it. */
class VolumeFormattingTest {
    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000);

    private static JsonNode json(String text) throws Exception {
        return dev.purser.tui.client.JsonTrees.read(text.replace('\'', '"'));
    }

    @Test
    void theDefaultListIsDriverAndVolumeName() throws Exception {
        String out = new TableFormat(VolumeLsCommand.formatOf("", false), VolumeRow.HEADER)
                .render(List.of(VolumeRow.of(json("{'Name':'web-data','Driver':'local'}"))));
        assertThat(out).isEqualTo("DRIVER    VOLUME NAME\nlocal     web-data\n");
    }

    @Test
    void quietListsNamesOnly() {
        assertThat(VolumeLsCommand.formatOf("", true)).isEqualTo("{{.Name}}");
        assertThat(VolumeLsCommand.formatOf("table", true)).isEqualTo("{{.Name}}");
    }

    @Test
    void aTemplateWinsOverQuiet() {
        assertThat(VolumeLsCommand.formatOf("{{.Mountpoint}}", true)).isEqualTo("{{.Mountpoint}}");
    }

    @Test
    void theSummaryCountsVolumesInUseAsActiveAndTheRestAsReclaimable() throws Exception {
        JsonNode df = json("{'LayersSize':0,'Images':[],'Containers':[],'BuildCache':[],'Volumes':["
                + "{'Name':'a','UsageData':{'RefCount':1,'Size':3000}},"
                + "{'Name':'b','UsageData':{'RefCount':0,'Size':1000}},"
                + "{'Name':'c','UsageData':{'RefCount':0,'Size':-1}}]}");
        String out = SystemDfCommand.summary(df, "{{.Type}}|{{.TotalCount}}|{{.Active}}|{{.Size}}|{{.Reclaimable}}");
        assertThat(out.lines().toList()).contains("Local Volumes|3|1|4kB|1kB (25%)");
    }

    @Test
    void theVerboseVolumeTableIsNameLinksSize() throws Exception {
        JsonNode df = json("{'LayersSize':0,'Images':[],'Containers':[],'BuildCache':[],'Volumes':["
                + "{'Name':'web-data','Driver':'local','UsageData':{'RefCount':1,'Size':12}}]}");
        String out = new DiskUsageDetail(df, NOW).render("");
        assertThat(out).contains("\nLocal Volumes space usage:\n\nVOLUME NAME   LINKS     SIZE\nweb-data      1         12B\n\n"
                + "Build cache usage: 0B\n\nCACHE ID   CACHE TYPE   SIZE      CREATED   LAST USED   USAGE     SHARED\n");
    }

    @Test
    void theVerboseOutputHasDockersFourSectionsInOrder() throws Exception {
        JsonNode df = json("{'LayersSize':0,'Images':[],'Containers':[],'BuildCache':[],'Volumes':[]}");
        String out = new DiskUsageDetail(df, NOW).render("");
        assertThat(out).startsWith("Images space usage:\n\nREPOSITORY   TAG       IMAGE ID   CREATED   SIZE      SHARED SIZE   UNIQUE SIZE   CONTAINERS\n"
                + "\nContainers space usage:\n\nCONTAINER ID   IMAGE     COMMAND   LOCAL VOLUMES   SIZE      CREATED   STATUS    NAMES\n"
                + "\nLocal Volumes space usage:\n\n");
    }

    @Test
    void theVerboseContainerRowCountsLocalVolumesAndLeavesOutTheVirtualSize() throws Exception {
        JsonNode df = json("{'Images':[],'Volumes':[],'BuildCache':[],'Containers':[{'Id':'0123456789abcdef','Image':'busybox',"
                + "'Command':'sh','Created':1699999000,'SizeRw':5,'SizeRootFs':4000000,'Status':'Exited (0)','Names':['/c1'],"
                + "'Mounts':[{'Type':'volume','Name':'v','Driver':'local'},{'Type':'bind','Source':'/tmp'}]}]}");
        String out = new DiskUsageDetail(df, NOW).render("");
        assertThat(out).contains("0123456789ab   busybox   \"sh\"      1               5B        16 minutes ago   Exited (0)   c1\n");
    }

    @Test
    void aVerboseTemplateRangesOverTheVolumes() throws Exception {
        JsonNode df = json("{'Images':[],'Containers':[],'BuildCache':[],'Volumes':[{'Name':'a'},{'Name':'b'}]}");
        assertThat(new DiskUsageDetail(df, NOW).render("{{range .Volumes}}{{.Name}}\\n{{end}}")).isEqualTo("a\nb\n");
    }
}
