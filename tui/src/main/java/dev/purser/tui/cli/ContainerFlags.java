package dev.purser.tui.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The flags {@code run} and {@code create} share, with docker's names, short forms and defaults.
 * Values stay strings here so bad ones get docker's own error wording from {@link CreateBody}.
 */
final class ContainerFlags {
    @Option(names = "--name") String name;
    @Option(names = "--rm", arity = "0..1", fallbackValue = "true") boolean autoRemove;
    @Option(names = {"-e", "--env"}) List<String> env = new ArrayList<>();
    @Option(names = "--env-file") List<String> envFiles = new ArrayList<>();
    @Option(names = {"-u", "--user"}) String user = "";
    @Option(names = {"-w", "--workdir"}) String workdir = "";
    @Option(names = "--entrypoint") String entrypoint;
    @Option(names = {"-h", "--hostname"}) String hostname = "";
    @Option(names = "--domainname") String domainname = "";
    @Option(names = "--restart") String restart = "no";
    @Option(names = "--cap-add") List<String> capAdd = new ArrayList<>();
    @Option(names = "--cap-drop") List<String> capDrop = new ArrayList<>();
    @Option(names = "--security-opt") List<String> securityOpt = new ArrayList<>();
    @Option(names = "--privileged", arity = "0..1", fallbackValue = "true") boolean privileged;
    @Option(names = "--read-only", arity = "0..1", fallbackValue = "true") boolean readOnly;
    @Option(names = {"-v", "--volume"}) List<String> volumes = new ArrayList<>();
    @Option(names = "--mount") List<String> mounts = new ArrayList<>();
    @Option(names = "--tmpfs") List<String> tmpfs = new ArrayList<>();
    @Option(names = "--volumes-from") List<String> volumesFrom = new ArrayList<>();
    @Option(names = {"-m", "--memory"}) String memory;
    @Option(names = "--memory-swap") String memorySwap;
    @Option(names = "--cpus") String cpus;
    @Option(names = {"-c", "--cpu-shares"}) long cpuShares;
    @Option(names = "--pids-limit") long pidsLimit;
    @Option(names = "--stop-signal") String stopSignal;
    @Option(names = "--stop-timeout") Integer stopTimeout;
    @Option(names = {"-l", "--label"}) List<String> labels = new ArrayList<>();
    @Option(names = "--label-file") List<String> labelFiles = new ArrayList<>();
    @Option(names = "--log-driver") String logDriver = "";
    @Option(names = "--log-opt") List<String> logOpts = new ArrayList<>();
    @Option(names = {"--network", "--net"}) List<String> networks = new ArrayList<>();
    @Option(names = {"--network-alias", "--net-alias"}) List<String> networkAliases = new ArrayList<>();
    @Option(names = "--ip") String ip;
    @Option(names = {"-p", "--publish"}) List<String> publish = new ArrayList<>();
    @Option(names = {"-P", "--publish-all"}, arity = "0..1", fallbackValue = "true") boolean publishAll;
    @Option(names = "--expose") List<String> expose = new ArrayList<>();
    @Option(names = "--add-host") List<String> addHosts = new ArrayList<>();
    @Option(names = "--link") List<String> links = new ArrayList<>();
    @Option(names = "--dns") List<String> dns = new ArrayList<>();
    @Option(names = "--dns-search") List<String> dnsSearch = new ArrayList<>();
    @Option(names = "--dns-option") List<String> dnsOptions = new ArrayList<>();
    @Option(names = {"-i", "--interactive"}, arity = "0..1", fallbackValue = "true") boolean interactive;
    @Option(names = {"-t", "--tty"}, arity = "0..1", fallbackValue = "true") boolean tty;
    @Option(names = "--init", arity = "0..1", fallbackValue = "true") Boolean init;
    @Option(names = "--pull") String pull = "missing";
    @Option(names = "--platform") String platform;
}
