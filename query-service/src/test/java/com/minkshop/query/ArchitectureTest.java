package com.minkshop.query;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.minkshop.query");

    @Test
    void queryServiceNeverReachesIntoTheCommandSide() {
        noClasses().should().dependOnClassesThat().resideInAPackage("com.minkshop.command..").check(CLASSES);
    }

    @Test
    void readModelsDoNotReadEachOthersTables() {
        String[] features = {"product", "cart", "order", "dashboard"};
        for (String feature : features) {
            for (String other : features) {
                if (!feature.equals(other)) {
                    noClasses().that().resideInAPackage("com.minkshop.query." + feature + "..")
                               .should().dependOnClassesThat().resideInAPackage("com.minkshop.query." + other + "..")
                               .check(CLASSES);
                }
            }
        }
    }

    @Test
    void theQueryServiceNeverPublishesEvents() {
        noClasses().should().dependOnClassesThat()
                   .haveFullyQualifiedName("org.axonframework.eventhandling.gateway.EventGateway")
                   .orShould().dependOnClassesThat()
                   .haveFullyQualifiedName("org.axonframework.commandhandling.gateway.CommandGateway")
                   .check(CLASSES);
    }
}
