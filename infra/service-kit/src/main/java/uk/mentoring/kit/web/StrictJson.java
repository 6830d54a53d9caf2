package uk.mentoring.kit.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * Requests are read as sent: a number or a flag where text belongs (a name, an area, a note) is
 * refused as the mistake it is, never turned into the text "12345" and recorded; a fraction where
 * a whole number belongs (a confidence of 3.7) is refused, not cut down to 3; and a field given
 * twice is refused, not settled by whichever came last. A number where a named value belongs (a
 * depth, a reason, a level) is refused too, never read as that value's place in a list.
 */
@AutoConfiguration
public class StrictJson {

    @Bean
    JsonMapperBuilderCustomizer noTextFromNumbersOrFlags() {
        return builder -> builder.withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, whole -> whole.setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // 4 for a depth would be read as the enum's fifth name, and recorded
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    }
}
