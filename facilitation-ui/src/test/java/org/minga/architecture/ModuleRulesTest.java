package org.minga.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
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
    static final ArchRule uiAndProjectionsSeeOnlyTheEngineApi = noClasses()
            .that().resideOutsideOfPackage("org.minga.assembly..")
            .should().dependOnClassesThat(resideInAPackage("org.minga.assembly..")
                    .and(not(resideInAPackage("org.minga.assembly.api.."))))
            .because("the engine's messages and what carries them are its contract; the aggregate and its helpers are its own"
                    + " (the engine's catalogue of words, org.minga.words, is outside org.minga.assembly: every module reads it)");

    @ArchTest
    static final ArchRule foldsKnowNoStorage = noClasses()
            .that().haveNameMatching("org\\.minga\\..*Fold(\\$.*)?")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.mongodb..", "org.bson..", "de.bwaldvogel..", "org.h2..", "java.sql..")
            .because("folds are pure: the same fold serves the stored read model and time travel");

    @ArchTest
    static final ArchRule theRegistryKnowsOnlyItsStoragePort = noClasses()
            .that().resideInAPackage("org.minga.registry")
            .or().haveFullyQualifiedName("org.minga.security.Facilitators")
            .or().haveFullyQualifiedName("org.minga.security.SignedInSessions")
            .or().haveFullyQualifiedName("org.minga.security.ShareLinks")
            .or().haveFullyQualifiedName("org.minga.security.TableCodes")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.mongodb..", "org.bson..", "de.bwaldvogel..", "org.h2..", "java.sql..", "javax.sql..")
            .because("the registry's records live in MongoDB or in an H2 file depending on the runtime (issue 18):"
                    + " only org.minga.registry.storage knows which");

    @ArchTest
    static final ArchRule noMongoDbServerInTheApplication = noClasses()
            .should().dependOnClassesThat().resideInAPackage("de.bwaldvogel..")
            .because("the embedded runtime opens no port but HTTP (issue 18): mongo-java-server, which served MongoDB's"
                    + " protocol on the loopback with no password, is only the tests' stand-in for MongoDB now");

    @ArchTest
    static final ArchRule controllersTalkThroughMessagesNotTheAggregate = noClasses()
            .that().resideInAPackage("org.minga.ui..")
            .should().dependOnClassesThat(resideInAPackage("org.minga.assembly..")
                    .and(not(resideInAPackage("org.minga.assembly.api.."))))
            .orShould().dependOnClassesThat().resideInAnyPackage("org.minga.board..", "org.minga.agenda..",
                    "org.minga.participation..", "org.minga.history..", "org.minga.roster..");
}
