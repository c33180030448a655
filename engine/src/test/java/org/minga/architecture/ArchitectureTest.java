package org.minga.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module rules of shared/DESIGN.md, kept true by the build. */
@AnalyzeClasses(packages = "org.minga", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule engineKnowsNoWebOrMongo = noClasses()
            .that().resideInAPackage("org.minga.assembly..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
                    "com.mongodb..", "org.bson..", "de.bwaldvogel..",
                    "org.minga.projections..", "org.minga.ui..")
            .because("the engine holds the rules of the method, nothing about how they are served or stored");

    @ArchTest
    static final ArchRule engineNeedsNoSpringOfItsOwn = noClasses()
            .that().resideInAPackage("org.minga.assembly..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..")
            .because("the engine runs on Axon alone; the Spring application wires it (axon-spring's @Aggregate is Axon's)");

    @ArchTest
    static final ArchRule messagesDependOnlyOnThemselvesAndAnnotations = noClasses()
            .that().resideInAPackage("org.minga.assembly.api..")
            .and().resideOutsideOfPackage("org.minga.assembly.api.wire..")
            .should().dependOnClassesThat().resideOutsideOfPackages(
                    "org.minga.assembly.api..", "org.minga.words..", "java..", "com.fasterxml.jackson.annotation..",
                    "org.axonframework.modelling.command..", "org.axonframework.serialization..")
            .because("messages are the contract every module and instance shares (their refusals read in the catalogue's words)");

    @ArchTest
    static final ArchRule wordsKnowOnlyTheirCatalogues = noClasses()
            .that().resideInAPackage("org.minga.words..")
            .should().dependOnClassesThat().resideOutsideOfPackages("org.minga.words..", "java..")
            .because("every module reads the one catalogue of words, so it depends on nothing of theirs, nor on Spring");

    @ArchTest
    static final ArchRule wireKnowsOnlyMessagesAndAxon = noClasses()
            .that().resideInAPackage("org.minga.assembly.api.wire..")
            .should().dependOnClassesThat().resideOutsideOfPackages(
                    "org.minga.assembly.api..", "java..", "org.axonframework..")
            .because("what the other modules need to carry the engine's messages knows the messages and Axon, not the aggregate");

    @ArchTest
    static final ArchRule engineUsesNoClockOrRandomness = noClasses()
            .that().resideInAPackage("org.minga.assembly.command..")
            .should().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.util.UUID.class, "randomUUID")
            .orShould().callConstructor(java.util.Random.class)
            .because("aggregates must be deterministic: times and ids arrive on the commands");
}
