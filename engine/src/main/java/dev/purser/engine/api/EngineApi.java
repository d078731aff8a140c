package dev.purser.engine.api;

import dev.purser.engine.Engine;
import dev.purser.engine.archive.ContainerArchive;
import dev.purser.engine.container.Execs;
import dev.purser.engine.usage.DiskUsage;

/** Every route of the Docker Engine API that purser serves, wired to one engine. */
public final class EngineApi {
    private EngineApi() {}

    public static Router routes(Engine engine) {
        Router router = new Router();
        DiskUsage usage = new DiskUsage(engine.root(), engine.images());
        new SystemApi(engine).register(router);
        new ContainerApi(engine.containers(), usage).register(router);
        new StreamApi(engine.containers(), new Execs(engine.containers(), engine.events())).register(router);
        new StatsApi(engine.containers()).register(router);
        new ArchiveApi(new ContainerArchive(engine.containers())).register(router);
        new ImageApi(engine.images(), engine.containers(), engine.events(), usage).register(router);
        new DiskUsageApi(engine.images(), engine.containers(), engine.volumes(), usage).register(router);
        new VolumeApi(engine.volumes()).register(router);
        new EventApi(engine.events()).register(router);
        new NetworkApi(engine.networks(), engine.containers(), new dev.purser.engine.network.NetworkEvents(engine.events())).register(router);
        return router;
    }
}
