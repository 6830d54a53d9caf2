package uk.mentoring.contracts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The published language is read by every service and by outsiders: it must not drag a framework in. */
@AnalyzeClasses(packages = "uk.mentoring.contracts", importOptions = ImportOption.DoNotIncludeTests.class)
class ContractsArchitectureTest {

    @ArchTest
    static final ArchRule contracts_are_free_of_frameworks = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.axonframework..", "org.apache.kafka..", "io.cloudevents..",
                    "com.fasterxml..", "tools.jackson..", "jakarta..", "com.mongodb..", "org.bson..")
            .because("events are the published language, readable by any consumer without our stack");
}
