package uk.mentoring.reflection;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import uk.mentoring.testkit.ServiceArchitecture;

@AnalyzeClasses(packages = "uk.mentoring.reflection", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_is_free_of_web_and_messaging = ServiceArchitecture.domainIsFreeOfWebAndMessaging("reflection");

    @ArchTest
    static final ArchRule stays_in_its_own_service = ServiceArchitecture.staysInItsOwnService("reflection");
}
