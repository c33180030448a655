package org.minga.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module rules of shared/DESIGN.md across the three modules, as the application assembles them. */
@AnalyzeClasses(packages = "org.minga", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleRulesTest {

    @ArchTest
    static final ArchRule engineKnowsNothingOfTheOtherModules = noClasses()
            .that().resideInAPackage("org.minga.assembly..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.minga.board..", "org.minga.agenda..", "org.minga.participation..", "org.minga.history..",
                    "org.minga.roster..", "org.minga.projections..", "org.minga.ui..", "org.minga.runtime..",
                    "org.minga.registry..", "org.springframework.web..", "com.mongodb..", "org.bson..");

    @ArchTest
    static final ArchRule projectionsKnowNoWeb = noClasses()
            .that().resideInAnyPackage("org.minga.board..", "org.minga.agenda..", "org.minga.participation..",
                    "org.minga.history..", "org.minga.roster..", "org.minga.projections..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..", "org.minga.ui..",
                    "org.minga.runtime..", "org.minga.assembly.command..");

    @ArchTest
    static final ArchRule controllersTalkThroughMessagesNotTheAggregate = noClasses()
            .that().resideInAPackage("org.minga.ui..")
            .should().dependOnClassesThat().haveSimpleName("Assembly")
            .orShould().dependOnClassesThat().resideInAnyPackage("org.minga.board..", "org.minga.agenda..",
                    "org.minga.participation..", "org.minga.history..", "org.minga.roster..");
}
