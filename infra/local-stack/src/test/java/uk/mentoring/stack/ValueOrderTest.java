package uk.mentoring.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import org.junit.jupiter.api.Test;

/**
 * The order of the embedded server's trees agrees with MongoDB's wherever MongoDB tells two
 * values apart, text and numbers most of all, which are compared without MongoDB's comparator.
 */
class ValueOrderTest {

    private static final ValueComparator MONGODB_ORDER = ValueComparator.ascWithoutListHandling();

    private final ValueOrder order = new ValueOrder();
    private final Random random = new Random(20261129);

    @Test
    void textIsOrderedAsMongoDbOrdersIt() {
        List<Object> values = new ArrayList<>(List.of("", "a", "A", "é", "\uFFFF", "\uD83D\uDE00", "school-1", "school-10", "school-2"));
        for (int i = 0; i < 300; i++) {
            values.add(randomText());
        }
        assertOrderAgrees(values);
    }

    @Test
    void numbersAreOrderedAsMongoDbOrdersThem() {
        List<Object> values = new ArrayList<>(List.of(0L, -1L, 1L, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 53, (1L << 53) + 1, (long) Integer.MAX_VALUE + 1));
        for (int i = 0; i < 300; i++) {
            values.add(random.nextBoolean() ? random.nextLong() : (long) random.nextInt(1000));
        }
        assertOrderAgrees(values);
    }

    @Test
    void compoundKeysOfTextAreOrderedFieldByField() {
        KeyValue first = new KeyValue("school-1", "mentee-9");
        KeyValue second = new KeyValue("school-1", "mentee-10");
        KeyValue third = new KeyValue("school-2", "mentee-1");
        assertThat(order.compare(second, first)).isNegative();
        assertThat(order.compare(first, third)).isNegative();
        assertThat(order.compare(third, new KeyValue("school-2", "mentee-1"))).isZero();
    }

    private void assertOrderAgrees(List<Object> values) {
        for (Object a : values) {
            for (Object b : values) {
                int expected = Integer.signum(MONGODB_ORDER.compare(a, b));
                int actual = Integer.signum(order.compare(a, b));
                assertThat(actual).as("%s against %s", a, b).isEqualTo(expected);
                assertThat(Integer.signum(order.compare(new KeyValue(a), new KeyValue(b)))).as("[%s] against [%s]", a, b).isEqualTo(expected);
            }
        }
    }

    /** Text from every plane: letters, accents, the last characters of the first plane, and pairs standing for the planes above. */
    private String randomText() {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(6);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(4)) {
                case 0 -> text.append((char) ('a' + random.nextInt(26)));
                case 1 -> text.append((char) (0xC0 + random.nextInt(0x100)));
                case 2 -> text.append((char) (0xE000 + random.nextInt(0x2000)));
                default -> text.appendCodePoint(0x10000 + random.nextInt(0x10000));
            }
        }
        return text.toString();
    }
}
