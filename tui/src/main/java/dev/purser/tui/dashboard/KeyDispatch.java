package dev.purser.tui.dashboard;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;
import dev.purser.tui.dashboard.keys.Action;
import dev.purser.tui.dashboard.keys.Context;
import dev.purser.tui.dashboard.keys.KeyBindings;
import dev.purser.tui.dashboard.keys.KeyNames;
import dev.purser.tui.dashboard.log.LogView;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * From a key to what it does: an open prompt or the help take every key; otherwise the key's
 * binding in the current context (list, or detail pane and all logs) names the {@link Action}.
 */
final class KeyDispatch {
    private final KeyBindings keys;
    private final DashboardState state;
    private final Feeds feeds;
    private final Navigation navigation;
    private final ContainerActions actions;
    private final Runnable quit;
    private final Supplier<Layout> layout;

    KeyDispatch(KeyBindings keys, DashboardState state, Feeds feeds, Navigation navigation, ContainerActions actions,
                Supplier<Layout> layout, Runnable quit) {
        this.keys = keys;
        this.state = state;
        this.feeds = feeds;
        this.navigation = navigation;
        this.actions = actions;
        this.layout = layout;
        this.quit = quit;
    }

    void key(KeyStroke key) {
        if (key.getKeyType() == KeyType.EOF) {
            quit.run();
            return;
        }
        if (state.runForm != null && state.prompt == null) {
            switch (state.runForm.key(key)) {
                case SUBMIT -> actions.run(state.runForm);
                case CANCEL -> state.runForm = null;
                case EDITING -> { }
            }
            return;
        }
        if (key.getKeyType() == KeyType.MouseEvent) {
            if (key instanceof MouseAction mouse) navigation.mouse(mouse);
            return;
        }
        if (state.prompt != null) {
            Prompt p = state.prompt;
            state.prompt = null;
            // what the answer does may open the next prompt; that one stays
            if (p.key(key) && state.prompt == null) state.prompt = p;
            return;
        }
        String name = KeyNames.of(key);
        if (state.help) {
            // the help pages with the arrows and page keys; any other key closes it
            int page = Math.max(1, layout.get().rows() - 6);
            switch (key.getKeyType()) {
                case ArrowDown -> state.helpOffset += 1;
                case ArrowUp -> state.helpOffset = Math.max(0, state.helpOffset - 1);
                case PageDown -> state.helpOffset += page;
                case PageUp -> state.helpOffset = Math.max(0, state.helpOffset - page);
                default -> state.help = false;
            }
            return;
        }
        if ("ctrl-c".equals(name)) {
            state.message = "Ctrl-C does not quit: " + keys.key(Action.QUIT) + " does";
            return;
        }
        if (state.view == View.IMAGES && state.layersOpen && "esc".equals(name)) {
            state.layersOpen = false;
            state.detailFocus = false;
            return;
        }
        Context context = state.detailFocus || state.view == View.ALL_LOGS ? Context.DETAIL : Context.LIST;
        Optional<Action> action = keys.action(name, context);
        if (action.isEmpty()) return;
        state.message = "";
        perform(action.get());
    }

    private void perform(Action action) {
        switch (action) {
            case QUIT -> quit.run();
            case HELP -> {
                state.help = true;
                state.helpOffset = 0;
            }
            case NEXT_VIEW -> navigation.switchView(View.values()[(state.view.ordinal() + 1) % 4]);
            case VIEW_CONTAINERS -> navigation.switchView(View.CONTAINERS);
            case VIEW_IMAGES -> navigation.switchView(View.IMAGES);
            case VIEW_VOLUMES -> navigation.switchView(View.VOLUMES);
            case VIEW_NETWORKS -> navigation.switchView(View.NETWORKS);
            case ALL_LOGS -> navigation.switchView(state.view == View.ALL_LOGS ? View.CONTAINERS : View.ALL_LOGS);
            case NEXT_TAB -> navigation.nextTab(1);
            case PREVIOUS_TAB -> navigation.nextTab(-1);
            case SHELL -> actions.handOver(Handover.Kind.SHELL);
            case ATTACH -> actions.handOver(Handover.Kind.ATTACH);
            case UP -> navigation.move(-1);
            case DOWN -> navigation.move(1);
            case PAGE_UP -> navigation.move(-layout.get().pageRows());
            case PAGE_DOWN -> navigation.move(layout.get().pageRows());
            case FILTER -> state.prompt = Prompt.line("filter: ", state.containers.filter(), text -> {
                state.containers.filter(text);
                feeds.detail.selectionChanged();
            }, state.containers::filter, () -> {
                state.containers.filter("");
                feeds.detail.selectionChanged();
            });
            case SORT -> {
                state.containers.nextSort(ContainerListPane.columnsAt(layout.get().columns()));
                state.message = "sorted by " + state.containers.sort().header().toLowerCase(Locale.ROOT);
            }
            case REVERSE_SORT -> state.containers.reverse();
            case MARK -> {
                state.containers.toggleMark();
                navigation.move(1);
            }
            case FOCUS_DETAIL -> navigation.focusDetail();
            case START -> actions.start();
            case STOP -> actions.stop();
            case RESTART -> actions.restart();
            case PAUSE -> actions.pauseOrUnpause();
            case KILL -> actions.kill();
            case REMOVE -> {
                if (state.view == View.IMAGES) actions.confirmImageRemove();
                else if (state.view == View.VOLUMES) actions.confirmVolumeRemove();
                else actions.confirmRemove();
            }
            case RENAME -> actions.rename();
            case RUN -> state.runForm = new RunForm(state.view == View.IMAGES
                    ? state.images.selected().map(i -> i.reference().endsWith(":<none>") ? i.id() : i.reference()).orElse("") : "");
            case PRUNE -> {
                if (state.view == View.IMAGES) actions.confirmImagePrune();
                else if (state.view == View.CONTAINERS) actions.confirmContainerPrune();
                else if (state.view == View.VOLUMES) actions.confirmVolumePrune();
            }
            case MOUSE -> actions.toggleMouse();
            case BACK -> navigation.back();
            case SEARCH -> state.prompt = Prompt.line("search: ", state.pane().query(), text -> {
                if (!state.pane().search(text) && !text.isEmpty()) state.message = "no line matches \"" + text + "\"";
            }, text -> { }, () -> state.pane().search(""));
            case NEXT_MATCH -> { if (!state.pane().next()) state.message = "no later match"; }
            case PREVIOUS_MATCH -> { if (!state.pane().previous()) state.message = "no earlier match"; }
            case TIMESTAMPS -> state.pane().toggleTimestamps();
            case WRAP -> state.pane().toggleWrap();
            case FOLLOW -> {
                state.pane().toggleFollow();
                state.message = state.pane().following() ? "following" : "paused; " + keys.key(Action.FOLLOW) + " follows again";
            }
            case SAVE -> actions.saveLog();
            case SCROLL_UP -> scroll(-1);
            case SCROLL_DOWN -> scroll(1);
            case SCROLL_PAGE_UP -> scroll(-layout.get().detailRows());
            case SCROLL_PAGE_DOWN -> scroll(layout.get().detailRows());
            case TO_START -> scroll(Integer.MIN_VALUE);
            case TO_END -> scroll(Integer.MAX_VALUE);
        }
    }

    /** Scrolls the layers pane or Layers tab when it has the focus, else the log-like pane; the extremes go to the start or the end. */
    private void scroll(int by) {
        if (state.view == View.IMAGES) {
            if (!state.layersOpen) return;
            state.layersScroll = scrolled(state.layersScroll, by);
            return;
        }
        if (state.view == View.CONTAINERS && state.tab == DetailTab.LAYERS) {
            state.containerLayersScroll = scrolled(state.containerLayersScroll, by);
            return;
        }
        LogView pane = state.pane();
        boolean log = state.view == View.CONTAINERS && state.tab == DetailTab.LOGS;
        if (log && by < 0 && pane.atStart()) {
            // past the oldest kept line: read the ones before it again
            feeds.detail.fetchOlder(pane);
            return;
        }
        if (log && by == Integer.MAX_VALUE && state.showingOlder) {
            feeds.detail.backToLive();
            return;
        }
        if (by == Integer.MIN_VALUE) pane.toStart();
        else if (by == Integer.MAX_VALUE) pane.toEnd();
        else pane.scroll(by);
    }

    /** A first row moved by {@code by}; the pane drawing it keeps its last row at the bottom at most. */
    private static int scrolled(int first, int by) {
        if (by == Integer.MIN_VALUE) return 0;
        if (by == Integer.MAX_VALUE) return Integer.MAX_VALUE / 2;
        return Math.max(0, Math.min(Integer.MAX_VALUE / 2, first + by));
    }
}
