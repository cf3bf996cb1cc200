package org.fairdial.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture as rules the build checks on every module's production classes. Module dependencies already make
 * most forbidden imports compile errors (the core has no JAIN-SIP or Netty on its path); these rules cover what the
 * class path cannot: JDBC, which is in the JDK, package cycles inside a module, and where {@code main} may live.
 */
class ArchitectureTest {
    /** The packages of the core module: call control, agents, dialing, compliance, configuration and the ports. */
    private static final String[] CORE = {"org.fairdial.call..", "org.fairdial.agent..", "org.fairdial.dialing..",
            "org.fairdial.compliance..", "org.fairdial.config..", "org.fairdial.ports..", "org.fairdial.privacy",
            "org.fairdial.cdr"};

    private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar.*");

    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ArchitectureTest::isProduction)
                .importPackages("org.fairdial");
        if (production.size() < 300) {
            throw new IllegalStateException("only " + production.size() + " classes imported: the rules would prove"
                    + " nothing (are the modules' target/classes on the class path?)");
        }
    }

    /**
     * The modules' main classes, whether the reactor hands them over as target/classes or as jars (in verify it is
     * the jars); not test classes, nor the test-jars the modules share their fixtures in.
     */
    private static boolean isProduction(Location location) {
        return !location.contains("/test-classes/") && !location.matches(TEST_JAR);
    }

    @Test
    void theCoreNamesNoJdbcSipOrNettyType() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "javax.sip..",
                        "gov.nist..", "io.netty..", "com.zaxxer..", "org.flywaydb..", "org.h2..", "org.postgresql..")
                .because("the core reaches I/O only through its ports (org.fairdial.ports, call.CallSignalling,"
                        + " media.MediaEngine)")
                .check(production);
    }

    @Test
    void theCoreDependsOnNoAdapter() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("org.fairdial.sip..", "org.fairdial.storage..",
                        "org.fairdial.cdr.store..", "org.fairdial.cdr.journal..", "org.fairdial.cdr.export..",
                        "org.fairdial.cdr.report..", "org.fairdial.privacy.erasure..", "org.fairdial.admin..",
                        "org.fairdial.app..", "org.fairdial.media.relay..", "org.fairdial.media.kurento..")
                .check(production);
    }

    @Test
    void theAdaptersDoNotKnowEachOther() {
        noClasses().that().resideInAnyPackage("org.fairdial.sip..")
                .should().dependOnClassesThat().resideInAnyPackage("org.fairdial.storage..", "org.fairdial.cdr.store..",
                        "org.fairdial.cdr.journal..", "org.fairdial.admin..", "org.fairdial.app..", "java.sql..")
                .check(production);
        noClasses().that().resideInAnyPackage("org.fairdial.storage..", "org.fairdial.cdr.store..",
                        "org.fairdial.cdr.journal..", "org.fairdial.cdr.export..", "org.fairdial.cdr.report..",
                        "org.fairdial.privacy.erasure..")
                .should().dependOnClassesThat().resideInAnyPackage("org.fairdial.sip..", "javax.sip..", "io.netty..",
                        "org.fairdial.admin..", "org.fairdial.app..")
                .check(production);
    }

    @Test
    void onlyTheSipAdapterAndTheWiringNameJainSip() {
        noClasses().that().resideOutsideOfPackages("org.fairdial.sip..", "org.fairdial.app..", "org.fairdial.demo..",
                        "org.fairdial.testkit..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.sip..", "gov.nist..")
                .check(production);
    }

    @Test
    void theMediaModuleStandsAlone() {
        noClasses().that().resideInAnyPackage("org.fairdial.media..")
                .and().resideOutsideOfPackage("org.fairdial.media.kurento..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.fairdial.media..", "java..", "javax..",
                        "io.netty..", "org.slf4j..", "com.typesafe.config..", "org.jitsi..")
                .orShould().dependOnClassesThat().resideInAnyPackage("org.fairdial.media.kurento..")
                .check(production);
    }

    /** SRTP's crypto library (jitsi-srtp) stays behind media.srtp's SrtpSession. */
    @Test
    void theSrtpLibraryOnlyInTheSrtpPackage() {
        noClasses().that().resideOutsideOfPackage("org.fairdial.media.srtp..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jitsi..")
                .check(production);
    }

    @Test
    void theKurentoEngineKnowsOnlyTheMediaApi() {
        noClasses().that().resideInAnyPackage("org.fairdial.media.kurento..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.fairdial.media..", "java..", "javax..",
                        "org.kurento..", "org.slf4j..")
                .check(production);
    }

    @Test
    void onlyTheKurentoEngineNamesKurento() {
        noClasses().that().resideOutsideOfPackage("org.fairdial.media.kurento..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kurento..")
                .because("the wiring picks the engine through org.fairdial.media.kurento, never a client type")
                .check(production);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.fairdial.(**)").should().beFreeOfCycles().check(production);
    }

    @Test
    void mainMethodsLiveOnlyInTheCommandLineAndTheTools() {
        methods().that().haveName("main").and().haveModifier(JavaModifier.STATIC)
                .should().beDeclaredInClassesThat().resideInAnyPackage("org.fairdial.tools..")
                .orShould().beDeclaredInClassesThat().haveFullyQualifiedName("org.fairdial.app.DialerCli")
                .because("benchmarks do not ship main()s inside production packages")
                .check(production);
    }
}
