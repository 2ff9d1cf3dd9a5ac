package io.calendargateway.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of the code layout (STYLE.md): a wrong arrow fails the build. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.calendargateway");
    }

    @Test
    void shouldKeepEwsClientTypesInsideTheExchangePackage() {
        noClasses().that().resideOutsideOfPackage("io.calendargateway.exchange..")
                .should().dependOnClassesThat().resideInAPackage("microsoft.exchange..")
                .check(classes);
    }

    @Test
    void shouldKeepTheReadPathAndDirectoryBackendNeutral() {
        noClasses().that().resideInAnyPackage("io.calendargateway.room..", "io.calendargateway.directory..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("io.calendargateway.exchange..", "io.calendargateway.graph..")
                .check(classes);
    }

    @Test
    void shouldKeepTheBackendsApart() {
        noClasses().that().resideInAPackage("io.calendargateway.exchange..")
                .should().dependOnClassesThat().resideInAPackage("io.calendargateway.graph..")
                .check(classes);
        noClasses().that().resideInAPackage("io.calendargateway.graph..")
                .should().dependOnClassesThat().resideInAPackage("io.calendargateway.exchange..")
                .check(classes);
    }

    @Test
    void shouldUseTheSimulatorOnlyFromDemoCode() {
        noClasses().that().resideOutsideOfPackage("io.calendargateway.simulator..")
                .should().dependOnClassesThat().resideInAPackage("io.calendargateway.simulator..")
                .check(classes);
    }

    /** The console and door-sign pages hold no data: their package serves files and reads nothing itself. */
    @Test
    void shouldKeepThePagesFreeOfData() {
        classes().that().resideInAPackage("io.calendargateway.console..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.calendargateway.console..",
                        "io.calendargateway.security..", "io.smallrye.mutiny..", "jakarta.ws.rs..", "java..")
                .check(classes);
    }

    @Test
    void shouldHaveNoCyclesBetweenTopLevelPackages() {
        slices().matching("io.calendargateway.(*)..").should().beFreeOfCycles().check(classes);
    }
}
