package dev.purser.engine.api;

import static java.util.Map.entry;

import java.util.Map;

/**
 * The applied half of the field table (docs/decisions/0010): each field purser applies, and the
 * test that shows it does. {@link FieldTableIT} fails when a field is applied without a proof
 * here or a proof names a test that does not exist; an issue that applies a field adds it here.
 */
final class AppliedFieldProofs {
    private AppliedFieldProofs() {}

    /** Each applied field, and the test (under dev.purser.engine) that shows purser applies it. */
    static final Map<String, String> PROOFS = Map.ofEntries(
            entry("Config.Hostname", "container.ContainerProcessIT#hostnameCanBeGiven"),
            entry("Config.Domainname", "api.EtcFilesIT#givenDomainnameIsTheUtsNamespacesDomain"),
            entry("HostConfig.Dns", "api.EtcFilesIT#dnsFlagsReplaceServersSearchAndOptions"),
            entry("HostConfig.DnsSearch", "api.EtcFilesIT#dnsFlagsReplaceServersSearchAndOptions"),
            entry("HostConfig.DnsOptions", "api.EtcFilesIT#dnsFlagsReplaceServersSearchAndOptions"),
            entry("HostConfig.Links", "api.LinksIT#linkedContainerFetchesTheWebPageByTheLinksName"),
            entry("HostConfig.ExtraHosts", "api.EtcFilesIT#addHostEntriesFollowTheLocalhostLines"),
            entry("Config.User", "container.ContainerProcessIT#userGivenAsUidAndGid"),
            entry("Config.AttachStdin", "api.AppliedFieldsIT#attachFlagsAreRecordedAsTheClientSentThem"),
            entry("Config.AttachStdout", "api.AppliedFieldsIT#attachFlagsAreRecordedAsTheClientSentThem"),
            entry("Config.AttachStderr", "api.AppliedFieldsIT#attachFlagsAreRecordedAsTheClientSentThem"),
            entry("Config.Tty", "container.ContainerTtyIT#ttyContainerRunsOnAPseudoTerminal"),
            entry("Config.OpenStdin", "api.DockerCliIT#binaryStdinGoesThroughRunIUnchanged"),
            entry("Config.StdinOnce", "api.DockerCliIT#binaryStdinGoesThroughRunIUnchanged"),
            entry("Config.Env", "container.ContainerProcessIT#environmentAndWorkingDirectoryAreApplied"),
            entry("Config.Cmd", "container.ContainerProcessIT#echoOutputReachesTheLog"),
            entry("Config.Image", "container.ContainerLifecycleIT#createdContainerIsInStateCreated"),
            entry("Config.WorkingDir", "container.ContainerProcessIT#environmentAndWorkingDirectoryAreApplied"),
            entry("Config.Entrypoint", "api.AppliedFieldsIT#entrypointRunsWithTheCommandAsItsArguments"),
            entry("Config.Labels", "api.AppliedFieldsIT#labelsAreShownAndFilterTheList"),
            entry("Config.StopSignal", "container.ContainerLifecycleIT#stopSignalOfTheContainerIsUsed"),
            entry("Config.ExposedPorts", "api.PublishedPortsIT#publishAllGivesEveryExposedPortAFreeHostPort"),
            entry("HostConfig.PortBindings", "api.PublishedPortsIT#publishedPortAnswersOnLoopback"),
            entry("HostConfig.PublishAllPorts", "api.PublishedPortsIT#publishAllGivesEveryExposedPortAFreeHostPort"),
            entry("Config.StopTimeout", "api.AppliedFieldsIT#stopTimeoutIsTheGraceBeforeSigkill"),
            entry("HostConfig.CpuShares", "api.AppliedFieldsIT#limitsReachTheContainersCgroup"),
            entry("HostConfig.Memory", "container.ContainerResourcesIT#processExceedingTheMemoryLimitIsOomKilled"),
            entry("HostConfig.MemorySwap", "api.AppliedFieldsIT#limitsReachTheContainersCgroup"),
            entry("HostConfig.NanoCpus", "api.AppliedFieldsIT#limitsReachTheContainersCgroup"),
            entry("HostConfig.PidsLimit", "container.ContainerResourcesIT#pidsLimitStopsForks"),
            entry("HostConfig.ContainerIDFile", "api.AppliedFieldsIT#cidfileGetsTheContainersId"),
            entry("HostConfig.LogConfig", "api.AppliedFieldsIT#logOptionsRotateTheContainersLog"),
            // host mode there; container mode: api.ContainerNetworkModeIT
            entry("HostConfig.NetworkMode", "api.AppliedFieldsIT#hostNetworkIsTheHostsNetwork"),
            entry("HostConfig.RestartPolicy", "api.DockerCliIT#restartAlwaysRestartsAContainerEachTimeItExits"),
            entry("HostConfig.AutoRemove", "container.ContainerLifecycleIT#autoRemoveLeavesNothingBehind"),
            entry("HostConfig.CapAdd", "container.ContainerProcessIT#addedCapabilityIsGranted"),
            entry("HostConfig.CapDrop", "container.ContainerProcessIT#droppedCapabilityIsReallyGone"),
            entry("HostConfig.Privileged", "api.AppliedFieldsIT#privilegedGetsEveryCapability"),
            entry("HostConfig.SecurityOpt", "api.AppliedFieldsIT#noNewPrivilegesIsSet"),
            entry("HostConfig.Binds", "api.MountsIT#bindMountSharesAHostDirectoryBothWays"),
            entry("HostConfig.Mounts", "api.MountsIT#readOnlyBindRefusesWritesWithErofs"),
            entry("HostConfig.Tmpfs", "api.MountsIT#tmpfsGetsDockersOptionsAndTheGivenOnes"),
            entry("HostConfig.ReadonlyRootfs", "api.MountsIT#readOnlyRootRefusesWritesWhileBindsAndTmpfsStayWritable"),
            entry("HostConfig.Mounts.Type", "api.MountsIT#readOnlyBindRefusesWritesWithErofs"),
            entry("HostConfig.Mounts.Source", "api.MountsIT#readOnlyBindRefusesWritesWithErofs"),
            entry("HostConfig.Mounts.Target", "api.MountsIT#readOnlyBindRefusesWritesWithErofs"),
            entry("HostConfig.Mounts.ReadOnly", "api.MountsIT#readOnlyBindRefusesWritesWithErofs"),
            entry("HostConfig.Mounts.Consistency", "api.MountsIT#consistencyIsAcceptedAsDockerOnLinuxIgnoresIt"),
            entry("HostConfig.Mounts.BindOptions", "api.MountsIT#bindPropagationIsTheOneGiven"),
            entry("HostConfig.Mounts.TmpfsOptions", "api.MountsIT#mountTmpfsTakesSizeAndMode"),
            entry("HostConfig.Mounts.BindOptions.Propagation", "api.MountsIT#bindPropagationIsTheOneGiven"),
            entry("HostConfig.Mounts.BindOptions.CreateMountpoint", "api.MountsIT#createMountpointCreatesAMissingSource"),
            entry("HostConfig.Mounts.TmpfsOptions.SizeBytes", "api.MountsIT#mountTmpfsTakesSizeAndMode"),
            entry("HostConfig.Mounts.TmpfsOptions.Mode", "api.MountsIT#mountTmpfsTakesSizeAndMode"),
            entry("HostConfig.Mounts.TmpfsOptions.Options", "api.MountsIT#tmpfsExecOptionAllowsExecution"),
            entry("Config.Volumes", "api.ContainerVolumeSpecsIT#configVolumesOverTheApiAreAnonymousVolumes"),
            entry("HostConfig.VolumesFrom", "api.VolumesFromIT#volumesFromTakesTheVolumesOfAStoppedContainer"),
            entry("HostConfig.Mounts.VolumeOptions", "api.VolumeCopyUpIT#nocopyLeavesTheNewVolumeEmpty"),
            entry("HostConfig.Mounts.VolumeOptions.NoCopy", "api.VolumeCopyUpIT#nocopyLeavesTheNewVolumeEmpty"),
            entry("HostConfig.Mounts.VolumeOptions.Labels", "api.ContainerVolumeSpecsIT#mountVolumeLabelsLabelTheVolumeItCreates"),
            entry("HostConfig.Mounts.VolumeOptions.DriverConfig", "api.ContainerVolumeSpecsIT#mountVolumeLabelsLabelTheVolumeItCreates"),
            entry("HostConfig.ConsoleSize", "container.ContainerTtyIT#consoleSizeIsTheTerminalsSizeFromTheFirstInstant"),
            entry("NetworkingConfig.EndpointsConfig", "api.AppliedFieldsIT#hostNetworkIsTheHostsNetwork"),
            entry("NetworkingConfig.EndpointsConfig.default.Aliases",
                    "api.NetworkEndpointsDockerIT#aContainerOnTwoNetworksReachesThePeersOfEachByNameAliasAndShortId"),
            entry("NetworkingConfig.EndpointsConfig.default.IPAMConfig", "api.NetworkEndpointsDockerIT#ipGivesTheContainerThatAddress"),
            entry("IPAMConfig.IPv4Address", "api.NetworkEndpointsDockerIT#ipGivesTheContainerThatAddress"),
            entry("ExecConfig.AttachStdin", "api.DockerCliIT#binaryStdinGoesThroughExecIUnchanged"),
            entry("ExecConfig.AttachStdout", "api.AppliedFieldsIT#execStartCarriesOnlyTheAttachedStreams"),
            entry("ExecConfig.AttachStderr", "api.AppliedFieldsIT#execStartCarriesOnlyTheAttachedStreams"),
            entry("ExecConfig.DetachKeys", "api.AppliedFieldsIT#execDetachKeysEndTheExecsStream"),
            entry("ExecConfig.Tty", "container.ContainerTtyIT#execWithATerminalGetsItsOwnPty"),
            entry("ExecConfig.Env", "api.AppliedFieldsIT#execTakesEnvUserAndWorkdir"),
            entry("ExecConfig.Cmd", "container.ContainerExecIT#execReturnsTheCommandsExitCode"),
            entry("ExecConfig.Privileged", "api.AppliedFieldsIT#privilegedExecGetsEveryCapability"),
            entry("ExecConfig.User", "api.AppliedFieldsIT#execTakesEnvUserAndWorkdir"),
            entry("ExecConfig.WorkingDir", "api.AppliedFieldsIT#execTakesEnvUserAndWorkdir"),
            entry("ExecConfig.ConsoleSize", "container.ContainerTtyIT#execConsoleSizeIsItsTerminalsSizeFromTheFirstInstant"));

}
