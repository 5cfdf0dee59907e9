package com.minkshop.api;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "com.minkshop.api", importOptions = ImportOption.DoNotIncludeTests.class)
class SharedApiArchitectureTest {

    @ArchTest
    static final ArchRule staysFreeOfSpringAndJpa =
            noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..",
                                                                          "jakarta.persistence..",
                                                                          "org.hibernate..");

    @ArchTest
    static final ArchRule neverUsesFloatingPointForAnything =
            fields().should().notHaveRawType(double.class).andShould().notHaveRawType(float.class)
                    .andShould().notHaveRawType(Double.class).andShould().notHaveRawType(Float.class);

    @ArchTest
    static final ArchRule messagesAreRecords =
            classes().that().haveSimpleNameEndingWith("Command").or().haveSimpleNameEndingWith("Event")
                     .should().beRecords();
}
