package uk.mentoring.analytics.personaldata;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import uk.mentoring.contracts.PersonalData;
import uk.mentoring.contracts.PublishedLanguage;
import uk.mentoring.contracts.SealedText;

/**
 * Analytics keeps personal data sealed, exactly as it arrived; names and words are opened only
 * on their way out to someone allowed to read the view, by the services that sealed them. A
 * forgotten person's values come back {@code [erased]}; values whose service cannot be reached
 * just now read {@code [unavailable]}, and every count, date and depth is unaffected either way.
 */
@Component
public class Revealer {

    /** Shown in place of a value whose sealing service did not answer. */
    public static final String UNAVAILABLE = "[unavailable]";

    private static final Logger log = LoggerFactory.getLogger(Revealer.class);
    private static final Set<String> PERSONAL_FIELDS = personalFields();

    private final SealedValueOwners owners;

    Revealer(SealedValueOwners owners) {
        this.owners = owners;
    }

    /** Every sealed value among these, opened. */
    public Map<String, String> open(Set<String> sealed) {
        Map<String, List<String>> byOwner = new LinkedHashMap<>();
        sealed.forEach(value -> byOwner.computeIfAbsent(value.split("\\.", 3)[1], owner -> new ArrayList<>()).add(value));
        Map<String, String> opened = new HashMap<>();
        byOwner.forEach((owner, values) -> {
            try {
                List<String> texts = owners.open(owner, values);
                for (int i = 0; i < values.size(); i++) {
                    opened.put(values.get(i), texts.get(i));
                }
            } catch (IOException e) {
                log.warn("Could not have {} values opened by the {} service: {}", values.size(), owner, e.getMessage());
                values.forEach(value -> opened.put(value, UNAVAILABLE));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                values.forEach(value -> opened.put(value, UNAVAILABLE));
            }
        });
        return opened;
    }

    /**
     * Every sealed value in a tree of maps, lists and values that sits in a personal field (one the
     * published language marks {@link PersonalData}, or within one): a sealed-looking text anywhere
     * else (a room, a school's name) is not personal data and is never opened.
     */
    public static void collect(Object tree, Set<String> into) {
        collect(tree, false, into);
    }

    /** A copy of the tree with each sealed value of a personal field that {@code opened} knows replaced by its text. */
    public static Object replace(Object tree, Function<String, String> opened) {
        return replace(tree, false, opened);
    }

    private static void collect(Object tree, boolean personal, Set<String> into) {
        if (tree instanceof String text) {
            if (personal && SealedText.isSealed(text)) {
                into.add(text);
            }
        } else if (tree instanceof Map<?, ?> map) {
            map.forEach((key, value) -> collect(value, personal || PERSONAL_FIELDS.contains(String.valueOf(key)), into));
        } else if (tree instanceof Iterable<?> list) {
            list.forEach(value -> collect(value, personal, into));
        }
    }

    private static Object replace(Object tree, boolean personal, Function<String, String> opened) {
        if (tree instanceof String text) {
            String found = personal && SealedText.isSealed(text) ? opened.apply(text) : null;
            return found != null ? found : text;
        }
        if (tree instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put(key, replace(value, personal || PERSONAL_FIELDS.contains(String.valueOf(key)), opened)));
            return copy;
        }
        if (tree instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(value -> copy.add(replace(value, personal, opened)));
            return copy;
        }
        return tree;
    }

    /** The names of the fields the published language marks as personal, in any event type. */
    private static Set<String> personalFields() {
        return PublishedLanguage.all().stream().flatMap(type -> type.personalFields().stream()).collect(Collectors.toUnmodifiableSet());
    }
}
