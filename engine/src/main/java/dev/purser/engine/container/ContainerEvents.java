package dev.purser.engine.container;

import dev.purser.engine.event.EventBus;
import java.util.Map;
import java.util.TreeMap;

/**
 * The container events on {@code bus}, with the attributes Docker gives each: the container's
 * labels, its name and image, then what the action adds (an exit code, a signal...).
 */
record ContainerEvents(EventBus bus) {
    void publish(Container c, String action, Map<String, String> extra) {
        Map<String, String> attributes = new TreeMap<>(c.config().labels());
        attributes.put("name", c.shortName());
        attributes.put("image", c.config().image());
        attributes.putAll(extra);
        bus.publish("container", action, c.id(), attributes);
    }

    void publish(Container c, String action) {
        publish(c, action, Map.of());
    }
}
