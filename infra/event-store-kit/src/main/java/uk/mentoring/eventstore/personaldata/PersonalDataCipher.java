package uk.mentoring.eventstore.personaldata;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import uk.mentoring.contracts.MentoringEvent;
import uk.mentoring.contracts.PersonalData;
import uk.mentoring.contracts.SealedText;

/**
 * Seals the {@link PersonalData} fields of an event with the key of the person it names, and
 * opens them again. Each text value becomes {@code pd1.<publisher>.<person>.<iv+ciphertext>}
 * (AES-256-GCM); the prefix is bound into the ciphertext, so a sealed value cannot be passed off
 * as another person's or another service's. Events without personal fields pass untouched.
 */
public class PersonalDataCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final String publisher;
    private final PersonalDataKeys keys;
    private final SecureRandom random = new SecureRandom();
    private final Map<Class<?>, Shape> shapes = new ConcurrentHashMap<>();

    /** @param publisher this service's short name as the published language knows it: pairing, meeting, reflection */
    public PersonalDataCipher(String publisher, PersonalDataKeys keys) {
        this.publisher = publisher;
        this.keys = keys;
    }

    /** A copy of the event with its personal fields sealed, or erased when its person was forgotten. */
    public <T> T seal(T payload) {
        Shape shape = shapeOf(payload);
        if (shape.personal().length == 0) {
            return payload;
        }
        Optional<UUID> owner = payload instanceof MentoringEvent event ? event.personalDataOwner() : ((HoldsPersonalData) payload).personalDataOwner();
        UUID person = owner.orElseThrow(() -> new IllegalStateException(
                payload.getClass().getSimpleName() + " carries personal data but names no person whose key seals it"));
        Optional<SecretKey> key = keys.sealingKeyFor(person);
        return shape.copy(payload, text -> key.map(k -> seal(person, k, text)).orElse(SealedText.ERASED));
    }

    /** A copy of the event with its personal fields readable again, or erased when its person was forgotten. */
    public <T> T open(T payload) {
        Shape shape = shapeOf(payload);
        if (shape.personal().length == 0) {
            return payload;
        }
        return shape.copy(payload, this::open);
    }

    /**
     * Opens one sealed value of this service.
     *
     * @return the text; {@link SealedText#ERASED} when its person was forgotten; the value itself
     *         when it is not a value this service sealed (plain text recorded before sealing, or
     *         another service's)
     */
    public String open(String value) {
        Optional<Sealed> sealed = Sealed.parse(value).filter(parsed -> parsed.publisher().equals(publisher));
        if (sealed.isEmpty()) {
            return value;
        }
        Optional<SecretKey> key = keys.openingKeyFor(sealed.get().person());
        if (key.isEmpty()) {
            return SealedText.ERASED;
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            byte[] data = sealed.get().data();
            cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, data, 0, IV_BYTES));
            cipher.updateAAD(sealed.get().prefix().getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            // altered, or written by someone who looks like us without the key: not ours to read
            return value;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not open a sealed value of " + sealed.get().person(), e);
        }
    }

    /** Opens many values as {@link #open(String)} does each, reading the keys they need together. */
    public List<String> openAll(List<String> values) {
        keys.recall(values.stream().map(Sealed::parse).flatMap(Optional::stream)
                .filter(sealed -> sealed.publisher().equals(publisher)).map(Sealed::person).toList());
        return values.stream().map(this::open).toList();
    }

    String seal(UUID person, SecretKey key, String text) {
        String prefix = SealedText.PREFIX + publisher + "." + person + ".";
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(prefix.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            return prefix + ENCODER.encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not seal personal data of " + person, e);
        }
    }

    private Shape shapeOf(Object payload) {
        return shapes.computeIfAbsent(payload.getClass(), Shape::of);
    }

    /** A sealed value taken apart. */
    record Sealed(String prefix, String publisher, UUID person, byte[] data) {

        static Optional<Sealed> parse(String value) {
            if (value == null || !SealedText.isSealed(value)) {
                return Optional.empty();
            }
            String[] parts = value.split("\\.", 4);
            try {
                return Optional.of(new Sealed(parts[0] + "." + parts[1] + "." + parts[2] + ".", parts[1], UUID.fromString(parts[2]),
                        DECODER.decode(parts[3])));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    /** Which components of a record hold personal data, and how to make a copy with them changed. */
    private record Shape(RecordComponent[] components, boolean[] personal, Constructor<?> constructor) {

        private static final Shape NONE = new Shape(new RecordComponent[0], new boolean[0], null);

        static Shape of(Class<?> type) {
            if (!type.isRecord() || !(MentoringEvent.class.isAssignableFrom(type) || HoldsPersonalData.class.isAssignableFrom(type))) {
                return NONE;
            }
            RecordComponent[] components = type.getRecordComponents();
            boolean[] personal = new boolean[components.length];
            boolean any = false;
            for (int i = 0; i < components.length; i++) {
                personal[i] = components[i].isAnnotationPresent(PersonalData.class);
                any |= personal[i];
            }
            if (!any) {
                return NONE;
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
                constructor.setAccessible(true);
                return new Shape(components, personal, constructor);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type + " has no canonical constructor", e);
            }
        }

        @SuppressWarnings("unchecked")
        <T> T copy(T payload, UnaryOperator<String> text) {
            Object[] values = new Object[components.length];
            try {
                for (int i = 0; i < components.length; i++) {
                    Object value = components[i].getAccessor().invoke(payload);
                    values[i] = personal[i] ? transform(value, text) : value;
                }
                return (T) constructor.newInstance(values);
            } catch (IllegalAccessException | InstantiationException | InvocationTargetException e) {
                throw new IllegalStateException("could not copy " + payload.getClass().getSimpleName(), e);
            }
        }

        private static Object transform(Object value, UnaryOperator<String> text) {
            if (value instanceof String string) {
                return text.apply(string);
            }
            if (value instanceof List<?> list) {
                List<Object> changed = new ArrayList<>(list.size());
                list.forEach(item -> changed.add(transform(item, text)));
                return changed;
            }
            if (value instanceof Map<?, ?> map) {
                // the keys name parts of a model (a reflection's sections), the values are the person's words
                Map<Object, Object> changed = new LinkedHashMap<>();
                map.forEach((key, item) -> changed.put(key, transform(item, text)));
                return changed;
            }
            return value;
        }
    }
}
