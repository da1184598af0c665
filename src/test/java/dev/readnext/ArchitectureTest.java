package dev.readnext;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The package rules of DESIGN.md §2, checked on the compiled main classes: every dependency counts (field types,
 * calls, annotations), not only import lines.
 */
class ArchitectureTest {

    private static final String[] FRAMEWORKS = { "jakarta..", "io.quarkus..", "org.hibernate..", "io.smallrye..",
            "io.vertx..", "io.micrometer..", "org.eclipse.microprofile.." };

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.readnext");
    }

    @Test
    void theEngineAndTextAnalysisUseNoFramework() {
        noClasses().that().resideInAnyPackage("dev.readnext.recommend.engine..", "dev.readnext.text..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .check(main);
    }

    @Test
    void noEngineSourceImportsAFramework() throws IOException {
        // the compiled check above cannot see source-only annotations; the import lines can
        Pattern frameworkImport = Pattern.compile("^import (static )?(" + Stream.of(FRAMEWORKS)
                .map(p -> Pattern.quote(p.substring(0, p.length() - 2))).collect(Collectors.joining("|")) + ")\\.",
                Pattern.MULTILINE);
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/dev/readnext/recommend/engine"))) {
            List<String> offenders = sources.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> frameworkImport.matcher(read(f)).find()).map(Path::toString).toList();
            assertEquals(List.of(), offenders);
        }
    }

    @Test
    void theEngineDependsOnlyOnTheJdkLuceneAndTextAnalysis() {
        classes().that().resideInAPackage("dev.readnext.recommend.engine..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.readnext.recommend.engine..",
                        "dev.readnext.text..", "java..", "org.apache.lucene..", "jdk.incubator.vector..")
                .check(main);
    }

    @Test
    void paperDependsOnNoFeature() {
        noClasses().that().resideInAPackage("dev.readnext.paper..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.readnext.topic..", "dev.readnext.course..",
                        "dev.readnext.path..", "dev.readnext.list..", "dev.readnext.ingest..", "dev.readnext.recommend..",
                        "dev.readnext.reader..", "dev.readnext.cli..")
                .check(main);
    }

    @Test
    void onlyTheCommandLineUsesTheImporters() {
        noClasses().that().resideOutsideOfPackages("dev.readnext.ingest..", "dev.readnext.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.readnext.ingest..")
                .check(main);
    }

    @Test
    void theApiVocabularyTextUtilitiesAndEntityBasesDependOnNoFeature() {
        noClasses().that().resideInAnyPackage("dev.readnext.api..", "dev.readnext.text..", "dev.readnext.persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.readnext.paper..", "dev.readnext.topic..",
                        "dev.readnext.course..", "dev.readnext.path..", "dev.readnext.list..", "dev.readnext.ingest..",
                        "dev.readnext.recommend..", "dev.readnext.reader..", "dev.readnext.graphql..")
                .check(main);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("dev.readnext.(*)..").should().beFreeOfCycles().check(main);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
