package com.minkshop.command;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Package boundaries of the command side (style guide §11.3).
 */
@AnalyzeClasses(packages = "com.minkshop.command", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresDoNotReachIntoEachOther =
            slices().matching("com.minkshop.command.(product|cart|order)..").should().notDependOnEachOther();

    @ArchTest
    static final ArchRule infrastructureKnowsNoFeature =
            noClasses().that().resideInAnyPackage("..command.config..", "..command.interceptors..",
                                                  "..command.web..", "..command.common..")
                       .should().dependOnClassesThat()
                       .resideInAnyPackage("..command.product..", "..command.cart..", "..command.order..");

    @ArchTest
    static final ArchRule commandSideNeverUsesTheQuerySide =
            noClasses().should().dependOnClassesThat().resideInAnyPackage("com.minkshop.query..");
}
