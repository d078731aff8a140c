package dev.purser.tui.dashboard;

import static dev.purser.tui.dashboard.PlainWords.plain;

import dev.purser.tui.cli.RunRequest;
import dev.purser.tui.client.CreatedContainer;
import dev.purser.tui.client.PurserClient;
import dev.purser.tui.format.HumanSize;
import dev.purser.tui.view.ContainerRow;
import dev.purser.tui.dashboard.containers.ContainerEntry;
import dev.purser.tui.dashboard.images.ImageEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the action keys do to containers and images: each daemon call in the background, on the
 * marked rows or else the selected one, with the outcome (or the daemon's refusal) on the status line.
 */
final class ContainerActions {
    private final PurserClient client;
    private final UiLoop loop;
    private final Background background;
    private final DashboardState state;
    private final Feeds feeds;
    private final Handover handover;
    private final MouseCapture mouse;

    ContainerActions(PurserClient client, UiLoop loop, Background background, DashboardState state, Feeds feeds, Handover handover,
                     MouseCapture mouse) {
        this.mouse = mouse;
        this.client = client;
        this.loop = loop;
        this.background = background;
        this.state = state;
        this.feeds = feeds;
        this.handover = handover;
    }

    void start() {
        act("start", c -> client.containers().start(c.id()));
    }

    void stop() {
        act("stop", c -> client.containers().stop(c.id(), null, null));
    }

    void restart() {
        act("restart", c -> client.containers().restart(c.id(), null, null));
    }

    void pauseOrUnpause() {
        act("pause/unpause", c -> {
            if (c.state().equals("paused")) client.containers().unpause(c.id());
            else client.containers().pause(c.id());
        });
    }

    void kill() {
        act("kill", c -> client.containers().kill(c.id(), null));
    }

    void confirmRemove() {
        List<ContainerEntry> targets = state.containers.targets();
        if (targets.isEmpty()) return;
        String names = String.join(", ", targets.stream().map(ContainerEntry::name).toList());
        state.prompt = Prompt.confirm("remove " + names + (targets.stream().anyMatch(ContainerEntry::running) ? " (running: forced)" : "")
                + "? y/N ", () -> {
                    act("remove", targets, c -> client.containers().remove(c.id(), true, false, false));
                    state.containers.clearMarks();
                }, () -> state.message = "not removed");
    }

    void rename() {
        state.containers.selected().ifPresent(c -> state.prompt = Prompt.line("rename " + c.name() + " to: ", "", to -> {
            if (!to.isBlank()) act("rename", List.of(c), x -> client.containers().rename(x.id(), to.strip()));
        }));
    }

    void confirmImageRemove() {
        Optional<ImageEntry> selected = state.images.selected();
        if (selected.isEmpty()) return;
        String ref = selected.get().reference().endsWith(":<none>") ? selected.get().id() : selected.get().reference();
        state.prompt = Prompt.confirm("remove image " + ref + "? y/N ", () -> {
            state.message = "removing " + ref + " ...";
            background.call(() -> {
                client.images().remove(ref, false, false);
                return ref;
            }, removed -> {
                state.message = "removed " + removed;
                feeds.images.load();
            }, e -> state.failed("remove " + ref + ": " + plain(e)));
        }, () -> state.message = "not removed");
    }

    /** Hands the terminal to a shell or an attach in the selected container, and takes it back. */
    void handOver(Handover.Kind kind) {
        Optional<ContainerEntry> selected = state.containers.selected();
        if (state.view != View.CONTAINERS || selected.isEmpty()) return;
        if (!selected.get().running()) {
            state.failed(selected.get().name() + " is not running");
            return;
        }
        handOver(kind, selected.get().id(), selected.get().name());
    }

    private void handOver(Handover.Kind kind, String id, String name) {
        if (handover == null) {
            state.failed("no terminal to hand over");
            return;
        }
        feeds.stop();
        String result = handover.run(kind, id, name);
        state.completeRefresh = true;
        state.message = result;
        if (result.startsWith("could not") || result.startsWith("no ")) {
            state.error = result;
            state.message = "";
        }
        // the terminal's modes were reset for the session (lanterna-traps T15): the capture is asked for again
        if (state.mouseCapture) mouse.set(true);
        feeds.resume();
        loop.redraw();
    }

    void toggleMouse() {
        boolean on = !state.mouseCapture;
        if (!mouse.set(on)) {
            state.failed("this terminal cannot report the mouse");
            return;
        }
        state.mouseCapture = on;
        state.message = on ? "mouse capture on: click selects, the wheel moves; the same key lets the terminal select text"
                : "mouse capture off: the terminal selects and copies text";
    }

    /**
     * Runs what the form says, through the CLI's own parser ({@link RunRequest}): a flag it
     * refuses, or the engine's refusal, is put on the status line and the form opens again.
     */
    void run(RunForm form) {
        RunRequest request;
        try {
            request = RunRequest.parse(form.arguments(), true, System.getenv());
        } catch (IllegalArgumentException e) {
            state.failed("run: " + e.getMessage());
            return;
        }
        state.runForm = null;
        state.error = "";
        String what = request.name() != null && !request.name().isEmpty() ? request.name() : request.image();
        state.message = "run " + what + " ...";
        background.call(() -> {
            CreatedContainer created = client.containers().create(request.name(), request.platform(), request.body());
            client.containers().start(created.id());
            return created.id();
        }, id -> {
            String name = request.name() != null && !request.name().isEmpty() ? request.name() : ContainerRow.shortId(id);
            state.message = "started " + name;
            if (form.then() == RunForm.Then.SHELL) handOver(Handover.Kind.SHELL, id, name);
        }, e -> {
            state.failed("run " + what + ": " + plain(e));
            state.runForm = form;
        });
    }

    void confirmContainerPrune() {
        state.prompt = Prompt.confirm("remove every stopped container? y/N ", () -> {
            state.message = "pruning containers ...";
            background.call(() -> client.containers().prune(List.of()), report -> state.message = "pruned "
                    + report.path("ContainersDeleted").size() + " containers, reclaimed " + HumanSize.of(report.path("SpaceReclaimed").asDouble()),
                    e -> state.failed("container prune: " + plain(e)));
        }, () -> state.message = "nothing pruned");
    }

    void confirmImagePrune() {
        state.prompt = Prompt.confirm("remove every dangling image (untagged, used by no container)? y/N ", () -> {
            state.message = "pruning images ...";
            background.call(() -> client.images().prune(List.of()), report -> {
                long deleted = 0;
                for (var d : report.path("ImagesDeleted")) if (d.has("Deleted")) deleted++;
                state.message = "pruned " + deleted + " images, reclaimed "
                        + HumanSize.of(report.path("SpaceReclaimed").asDouble());
                feeds.images.load();
            }, e -> state.failed("image prune: " + plain(e)));
        }, () -> state.message = "nothing pruned");
    }

    void confirmVolumeRemove() {
        state.volumes.selected().ifPresent(v -> state.prompt = Prompt.confirm(VolumesView.removeQuestion(v), () -> {
            state.message = "removing volume " + v.name() + " ...";
            background.call(() -> {
                client.volumes().remove(v.name(), false);
                return "removed volume " + v.name();
            }, this::volumesChanged, e -> state.failed("volume rm: " + plain(e)));
        }, () -> state.message = "not removed"));
    }

    void confirmVolumePrune() {
        state.prompt = Prompt.confirm(VolumesView.pruneQuestion(), () -> {
            state.message = "pruning volumes ...";
            background.call(() -> VolumesView.prune(client), this::volumesChanged, e -> state.failed("volume prune: " + plain(e)));
        }, () -> state.message = "not removed");
    }

    private void volumesChanged(String done) {
        state.message = done;
        feeds.engineObjects.load(View.VOLUMES);
    }

    /** Writes the shown log (or JSON) to a file in the working directory. */
    void saveLog() {
        ContainerEntry c = state.containers.selected().orElse(null);
        String name = state.view == View.ALL_LOGS ? "all" : c == null ? "none" : c.name();
        Path file = Path.of("purser-" + name + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".log");
        try {
            state.pane().save(file);
            state.message = "saved " + state.pane().ring().size() + " lines to " + file.toAbsolutePath();
        } catch (IOException e) {
            state.failed("could not save the log: " + e.getMessage());
        }
    }

    private void act(String what, Consumer<ContainerEntry> action) {
        act(what, state.containers.targets(), action);
    }

    /** Runs {@code action} on each target in the background; failures land on the status line in the daemon's words. */
    private void act(String what, List<ContainerEntry> targets, Consumer<ContainerEntry> action) {
        if (targets.isEmpty()) return;
        state.message = what + " " + String.join(", ", targets.stream().map(ContainerEntry::name).toList()) + " ...";
        for (ContainerEntry c : targets) {
            background.call(() -> {
                action.accept(c);
                return c;
            }, done -> {
                if (state.message.startsWith(what)) state.message = what + " " + done.name() + ": done";
            }, e -> state.failed(what + " " + c.name() + ": " + plain(e)));
        }
    }
}
