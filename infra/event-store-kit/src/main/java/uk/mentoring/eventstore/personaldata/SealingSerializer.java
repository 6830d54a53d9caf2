package uk.mentoring.eventstore.personaldata;

import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;

/**
 * The event store's serializer: personal fields are sealed on the way into the store, so the
 * store and every copy of its events (Kafka, other services) hold them sealed; aggregates read
 * them opened, or erased once their person is forgotten.
 */
public class SealingSerializer implements Serializer {

    private final Serializer json;
    private final PersonalDataCipher cipher;

    public SealingSerializer(Serializer json, PersonalDataCipher cipher) {
        this.json = json;
        this.cipher = cipher;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        return json.serialize(object == null ? null : cipher.seal(object), expectedRepresentation);
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return json.canSerializeTo(expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        T payload = json.deserialize(serializedObject);
        return payload == null ? null : cipher.open(payload);
    }

    @Override
    public Class classForType(SerializedType type) {
        return json.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return json.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return json.getConverter();
    }
}
